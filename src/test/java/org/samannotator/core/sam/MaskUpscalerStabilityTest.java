package org.samannotator.core.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;

/** The stability counts and mask of upscaleWithStabilityCounts equal thresholding the full float map. */
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
            long high = 0;
            long low = 0;
            for (float v : full) {
                high += v > 1f ? 1 : 0;
                low += v > -1f ? 1 : 0;
            }
            MaskUpscaler.UpscaledMask up = MaskUpscaler.upscaleWithStabilityCounts(lowRes, transform, 1f);
            assertEquals(high, up.countAboveHigh(), "above +1 at " + size);
            assertEquals(low, up.countAboveLow(), "above -1 at " + size);
            assertEquals(BitMask.fromThreshold(size, full, 0f), up.mask(), "mask at " + size);
            assertEquals(MaskUpscaler.upscale(lowRes, transform), up.mask());
        }
    }
}
