package org.samannotator.core.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;

/** The block stability counts of UpscaledCounts and the mask of upscale equal thresholding the full float map. */
class MaskUpscalerStabilityTest {
    @Test
    void countsAndMaskEqualTheFloatMapAtSeveralSizes() {
        Random random = new Random(7);
        for (Size size : new Size[] {new Size(481, 321), new Size(300, 700), new Size(1500, 1000), new Size(90, 60)}) {
            float[] logits = new float[LowResMask.SIZE * LowResMask.SIZE];
            for (int v = 0; v < LowResMask.SIZE; v++) {
                for (int u = 0; u < LowResMask.SIZE; u++) {
                    logits[v * LowResMask.SIZE + u] = (float) (8 - 0.3 * Math.hypot(u - 90, v - 60) + random.nextGaussian());
                }
            }
            LowResMask lowRes = new LowResMask(logits);
            SamTransform transform = SamTransform.forImage(size);
            float[] full = MaskUpscaler.upscaleLogits(lowRes, transform);
            assertEquals(BitMask.fromThreshold(size, full, 0f), MaskUpscaler.upscale(lowRes, transform), "mask at " + size);
            assertCountsEqualTheFloatMap(full, lowRes, transform);
        }
    }

    @Test
    void blockCountsEqualTheFloatMapWithTiesLargeImagesAndSmallObjects() {
        Random random = new Random(11);
        Size[] sizes = {new Size(4000, 3000), new Size(2000, 5000), new Size(1024, 1024), new Size(17, 1300)};
        for (Size size : sizes) {
            float[] logits = new float[LowResMask.SIZE * LowResMask.SIZE];
            for (int v = 0; v < LowResMask.SIZE; v++) {
                for (int u = 0; u < LowResMask.SIZE; u++) {
                    double blob = Math.max(12 - 0.5 * Math.hypot(u - 40, v - 70), 6 - 2.0 * Math.hypot(u - 150, v - 20));
                    // rounded to halves: whole regions sit exactly on the thresholds +1 and -1
                    logits[v * LowResMask.SIZE + u] = (float) (Math.round(2 * (blob + random.nextGaussian())) / 2.0);
                }
            }
            LowResMask lowRes = new LowResMask(logits);
            SamTransform transform = SamTransform.forImage(size);
            assertCountsEqualTheFloatMap(MaskUpscaler.upscaleLogits(lowRes, transform), lowRes, transform);
        }
    }

    /** The block counts with offset 1 equal the pixels of the full float map above +1 and above -1. */
    private static void assertCountsEqualTheFloatMap(float[] full, LowResMask lowRes, SamTransform transform) {
        long high = 0;
        long low = 0;
        for (float v : full) {
            high += v > 1f ? 1 : 0;
            low += v > -1f ? 1 : 0;
        }
        UpscaledCounts.Counts counts = UpscaledCounts.of(lowRes, transform, 1f);
        assertEquals(high, counts.countAboveHigh(), "above +1 at " + transform.original());
        assertEquals(low, counts.countAboveLow(), "above -1 at " + transform.original());
    }
}
