package org.samannotator.core.refine;

import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.prompt.LowResMask;

/**
 * Moves SAM's low-res logits (float32 [256*256], row-major (y, x), the padded 1024 model frame / 4) between
 * the whole image's model frame and a {@link ZoomCrop}'s model frame. Every coordinate step goes through the
 * two {@link SamTransform}s (model frame to original pixels and back) and the crop's translation; the one
 * factor used here is the fixed ratio of the model frame to the low-res grid, {@value #MODEL_PER_CELL}.
 * Values are sampled bilinearly at cell centres (as the decoder's own resizing, align_corners=False), clamped at
 * the grid's edges.
 */
public final class CropLogits {
    /** Model-frame pixels per low-res cell: 1024 / 256. */
    static final int MODEL_PER_CELL = SamTransform.SAM_INPUT_SIZE / LowResMask.SIZE;

    private CropLogits() {
    }

    /**
     * The image's logits seen from the crop: each cell of the crop's grid takes the image's logits at the same
     * original pixel (cells of the crop's padding take the image's value at the continued position).
     *
     * @param imageLogits logits in the image's low-res frame
     * @param image       the image's transform (original image size)
     * @param crop        the crop, in original pixels
     * @param cropFrame   the crop's transform (crop size)
     */
    public static LowResMask toCrop(LowResMask imageLogits, SamTransform image, ZoomCrop crop, SamTransform cropFrame) {
        float[] out = new float[LowResMask.SIZE * LowResMask.SIZE];
        for (int row = 0; row < LowResMask.SIZE; row++) {
            for (int col = 0; col < LowResMask.SIZE; col++) {
                ImagePoint inCrop = cropFrame.toOriginal(cellCentre(col, row));
                ImagePoint inImageModel = image.toModel(crop.toImage(inCrop));
                out[row * LowResMask.SIZE + col] = sample(imageLogits.logits(), inImageModel);
            }
        }
        return new LowResMask(out);
    }

    /**
     * The crop's logits seen from the whole image: each cell of the image's grid whose centre lies on the crop
     * takes the crop's logits at the same original pixel; every other cell (off the crop, or in the image's
     * padding) takes the crop's lowest logit, so the result is background wherever the pasted mask is empty.
     *
     * @param cropLogits logits in the crop's low-res frame
     * @param cropFrame  the crop's transform (crop size)
     * @param crop       the crop, in original pixels
     * @param image      the image's transform (original image size)
     */
    public static LowResMask toImage(LowResMask cropLogits, SamTransform cropFrame, ZoomCrop crop, SamTransform image) {
        float background = min(cropLogits.logits());
        float[] out = new float[LowResMask.SIZE * LowResMask.SIZE];
        for (int row = 0; row < LowResMask.SIZE; row++) {
            for (int col = 0; col < LowResMask.SIZE; col++) {
                ImagePoint original = image.toOriginal(cellCentre(col, row));
                boolean onImage = image.original().containsPoint(original);
                out[row * LowResMask.SIZE + col] = onImage && crop.contains(original)
                        ? sample(cropLogits.logits(), cropFrame.toModel(crop.toCrop(original))) : background;
            }
        }
        return new LowResMask(out);
    }

    /** The centre of low-res cell (col, row) in the model frame (continuous coordinates). */
    private static ImagePoint cellCentre(int col, int row) {
        return new ImagePoint((col + 0.5) * MODEL_PER_CELL, (row + 0.5) * MODEL_PER_CELL);
    }

    /** Bilinear sample of a 256x256 grid at model-frame position {@code model}, clamped to the grid. */
    static float sample(float[] grid, ImagePoint model) {
        double gx = clamp(model.x() / MODEL_PER_CELL - 0.5);
        double gy = clamp(model.y() / MODEL_PER_CELL - 0.5);
        int x0 = (int) Math.floor(gx);
        int y0 = (int) Math.floor(gy);
        int x1 = Math.min(x0 + 1, LowResMask.SIZE - 1);
        int y1 = Math.min(y0 + 1, LowResMask.SIZE - 1);
        double fx = gx - x0;
        double fy = gy - y0;
        double top = grid[y0 * LowResMask.SIZE + x0] * (1 - fx) + grid[y0 * LowResMask.SIZE + x1] * fx;
        double bottom = grid[y1 * LowResMask.SIZE + x0] * (1 - fx) + grid[y1 * LowResMask.SIZE + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    private static double clamp(double gridCoordinate) {
        return Math.max(0, Math.min(LowResMask.SIZE - 1, gridCoordinate));
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
