package org.samannotator.core.auto;

import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.geometry.Size;

/** segment-anything's {@code generate_crop_boxes}: the whole image, then (2^i)^2 overlapping crops in layer i. */
public final class CropBoxes {
    private CropBoxes() {
    }

    /**
     * @param image        the original image size
     * @param nLayers      crop layers beyond the whole image (0 = whole image only)
     * @param overlapRatio overlap of the first layer's crops as a fraction of the short side (SAM: 512/1500)
     * @return crops in SAM's order: layer 0, then per layer x0 outer and y0 inner ({@code product(x0s, y0s)})
     */
    public static List<CropBox> generate(Size image, int nLayers, double overlapRatio) {
        int imW = image.width();
        int imH = image.height();
        int shortSide = Math.min(imW, imH);
        List<CropBox> boxes = new ArrayList<>();
        boxes.add(CropBox.whole(image));
        for (int layer = 0; layer < nLayers; layer++) {
            int perSide = 1 << (layer + 1);
            int overlap = (int) (overlapRatio * shortSide * (2.0 / perSide));
            int cropW = cropLength(imW, perSide, overlap);
            int cropH = cropLength(imH, perSide, overlap);
            for (int i = 0; i < perSide; i++) {
                int x0 = (cropW - overlap) * i;
                for (int j = 0; j < perSide; j++) {
                    int y0 = (cropH - overlap) * j;
                    boxes.add(new CropBox(x0, y0, Math.min(x0 + cropW, imW), Math.min(y0 + cropH, imH), layer + 1));
                }
            }
        }
        return boxes;
    }

    /** {@code ceil((overlap * (n - 1) + length) / n)}. */
    static int cropLength(int length, int nCrops, int overlap) {
        return (int) Math.ceil((overlap * (nCrops - 1) + length) / (double) nCrops);
    }
}
