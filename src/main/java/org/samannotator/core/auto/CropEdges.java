package org.samannotator.core.auto;

import org.samannotator.core.geometry.Size;

/**
 * segment-anything's {@code is_box_near_crop_edge}: a mask whose box (uncropped to image pixels) lies within
 * {@code atol} pixels of an edge of its crop that is not also an edge of the image was probably cut by the
 * crop, so it is dropped.
 */
public final class CropEdges {
    /** SAM's tolerance in pixels. */
    public static final double DEFAULT_TOLERANCE = 20.0;

    private CropEdges() {
    }

    /**
     * @param boxInCrop the mask's box in the crop's frame (inclusive XYXY, {@link MaskBox})
     * @param crop      the crop (image pixels, exclusive end)
     * @param image     the original image size
     */
    public static boolean isNearCropEdge(MaskBox boxInCrop, CropBox crop, Size image, double atol) {
        MaskBox box = boxInCrop.offset(crop.x0(), crop.y0());
        int[] b = {box.x0(), box.y0(), box.x1(), box.y1()};
        int[] c = {crop.x0(), crop.y0(), crop.x1(), crop.y1()};
        int[] o = {0, 0, image.width(), image.height()};
        for (int i = 0; i < 4; i++) {
            boolean nearCrop = Math.abs(b[i] - c[i]) <= atol;
            boolean nearImage = Math.abs(b[i] - o[i]) <= atol;
            if (nearCrop && !nearImage) {
                return true;
            }
        }
        return false;
    }
}
