package org.samannotator.core.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.prompt.LowResMask;

class CropLogitsTest {
    private static final SamTransform IMAGE = SamTransform.forImage(new Size(640, 480));
    private static final ZoomCrop CROP = new ZoomCrop(200, 100, 240, 200);
    private static final SamTransform CROP_FRAME = SamTransform.forImage(CROP.size());

    /** A linear field over original image pixels (bilinear sampling reproduces it exactly away from edges). */
    private static double field(ImagePoint original) {
        return 0.01 * original.x() - 0.02 * original.y() + 1;
    }

    private static ImagePoint cellCentre(int col, int row) {
        return new ImagePoint((col + 0.5) * 4, (row + 0.5) * 4);
    }

    @Test
    void imageLogitsMovedIntoTheCropKeepTheirValueAtEachOriginalPixel() {
        float[] image = new float[LowResMask.SIZE * LowResMask.SIZE];
        for (int row = 0; row < LowResMask.SIZE; row++) {
            for (int col = 0; col < LowResMask.SIZE; col++) {
                image[row * LowResMask.SIZE + col] = (float) field(IMAGE.toOriginal(cellCentre(col, row)));
            }
        }
        LowResMask inCrop = CropLogits.toCrop(new LowResMask(image), IMAGE, CROP, CROP_FRAME);
        for (int[] cell : new int[][] {{0, 0}, {100, 40}, {250, 200}, {128, 128}}) {
            ImagePoint original = CROP.toImage(CROP_FRAME.toOriginal(cellCentre(cell[0], cell[1])));
            assertEquals(field(original), inCrop.logits()[cell[1] * LowResMask.SIZE + cell[0]], 1e-4,
                    "cell " + cell[0] + "," + cell[1]);
        }
    }

    @Test
    void cropLogitsMovedToTheImageKeepTheirValueOnTheCropAndAreBackgroundElsewhere() {
        float[] crop = new float[LowResMask.SIZE * LowResMask.SIZE];
        float lowest = Float.POSITIVE_INFINITY;
        for (int row = 0; row < LowResMask.SIZE; row++) {
            for (int col = 0; col < LowResMask.SIZE; col++) {
                crop[row * LowResMask.SIZE + col] = (float) field(CROP.toImage(CROP_FRAME.toOriginal(cellCentre(col, row))));
                lowest = Math.min(lowest, crop[row * LowResMask.SIZE + col]);
            }
        }
        LowResMask inImage = CropLogits.toImage(new LowResMask(crop), CROP_FRAME, CROP, IMAGE);
        // image cell (130, 50): original (325, 125), on the crop
        ImagePoint onCrop = IMAGE.toOriginal(cellCentre(130, 50));
        assertEquals(field(onCrop), inImage.logits()[50 * LowResMask.SIZE + 130], 1e-4);
        assertEquals(lowest, inImage.logits()[10 * LowResMask.SIZE + 10], "off the crop");
        assertEquals(lowest, inImage.logits()[250 * LowResMask.SIZE + 10], "the image's padding");
    }

    @Test
    void theStepOfAMaskStaysAtTheSameOriginalPixelThroughTheCropAndBack() {
        float[] image = new float[LowResMask.SIZE * LowResMask.SIZE];
        for (int row = 0; row < LowResMask.SIZE; row++) {
            for (int col = 0; col < LowResMask.SIZE; col++) {
                image[row * LowResMask.SIZE + col] = IMAGE.toOriginal(cellCentre(col, row)).x() < 300 ? 5f : -5f;
            }
        }
        LowResMask back = CropLogits.toImage(CropLogits.toCrop(new LowResMask(image), IMAGE, CROP, CROP_FRAME),
                CROP_FRAME, CROP, IMAGE);
        int row = 60; // original y 112.5, on the crop
        for (int col = 85; col < 175; col++) {
            double x = IMAGE.toOriginal(cellCentre(col, row)).x();
            if (Math.abs(x - 300) > 5) {
                assertEquals(x < 300, back.logits()[row * LowResMask.SIZE + col] > 0, "original x " + x);
            }
        }
    }
}
