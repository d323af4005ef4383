package org.samannotator.core.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.PixelRect;
import org.samannotator.core.prompt.LowResMask;

class MaskUpscalerTest {
    @Test
    void bilinearMatchesPyTorchHalfPixelFormula() {
        // 2 -> 4 upsampling of [0, 1]: src = (i + 0.5) / 2 - 0.5 -> -0.25 (clamped 0), 0.25, 0.75, 1.25 (clamped)
        float[] out = MaskUpscaler.resizeBilinear(new float[] {0, 1}, 2, 1, 4, 1, 4, 1);
        assertEquals(0f, out[0], 1e-6);
        assertEquals(0.25f, out[1], 1e-6);
        assertEquals(0.75f, out[2], 1e-6);
        assertEquals(1f, out[3], 1e-6);
    }

    @Test
    void lowResBlockMapsToTheRightPlaceInTheOriginal() {
        // 640x480: resized 1024x768, low-res covers 256x192 of the 256 grid.
        Size original = new Size(640, 480);
        float[] logits = new float[256 * 256];
        java.util.Arrays.fill(logits, -10f);
        for (int y = 96; y < 144; y++) {
            for (int x = 128; x < 192; x++) {
                logits[y * 256 + x] = 10f;
            }
        }
        BitMask mask = MaskUpscaler.upscale(new LowResMask(logits), SamTransform.forImage(original));
        assertEquals(original, mask.size());
        // low-res x 128..192 -> model 512..768 -> original 320..480; y 96..144 -> 384..576 -> 240..360
        assertTrue(mask.get(400, 300));
        assertTrue(mask.get(322, 242));
        assertFalse(mask.get(317, 300));
        assertFalse(mask.get(400, 237));
        assertFalse(mask.get(483, 300));
        long expected = 160L * 120;
        assertTrue(Math.abs(mask.area() - expected) < 0.03 * expected, "area " + mask.area());
    }

    @Test
    void bitMaskPathEqualsThresholdedLogitsOnOddSizes() {
        java.util.Random random = new java.util.Random(7);
        float[] logits = new float[256 * 256];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (Math.sin(i % 256 / 9.0) * 3 + Math.cos(i / 256 / 7.0) * 3 + random.nextGaussian());
        }
        for (Size size : new Size[] {new Size(641, 479), new Size(97, 1301), new Size(1000, 1000)}) {
            SamTransform transform = SamTransform.forImage(size);
            LowResMask lowRes = new LowResMask(logits);
            BitMask expected = BitMask.fromThreshold(size, MaskUpscaler.upscaleLogits(lowRes, transform), 0f);
            assertEquals(expected, MaskUpscaler.upscale(lowRes, transform), "at " + size);
        }
    }

    @Test
    void logitAtEqualsTheWholeUpscaleBitForBit() {
        java.util.Random random = new java.util.Random(7);
        float[] logits = new float[256 * 256];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) random.nextGaussian() * 5f;
        }
        LowResMask lowRes = new LowResMask(logits);
        for (Size original : new Size[] {new Size(37, 23), new Size(481, 321), new Size(300, 1100)}) {
            SamTransform transform = SamTransform.forImage(original);
            float[] all = MaskUpscaler.upscaleLogits(lowRes, transform);
            for (int y = 0; y < original.height(); y++) {
                for (int x = 0; x < original.width(); x++) {
                    assertEquals(all[y * original.width() + x], MaskUpscaler.logitAt(lowRes, transform, x, y),
                            "pixel " + x + "," + y + " of " + original);
                }
            }
        }
    }

    @Test
    void windowAtScaleOneEqualsTheFullMaskAndOtherScalesSampleItAtPixelCentres() {
        java.util.Random random = new java.util.Random(3);
        float[] logits = new float[256 * 256];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (Math.sin(i % 256 / 11.0) * 4 + Math.cos(i / 256 / 5.0) * 3 + random.nextGaussian());
        }
        LowResMask lowRes = new LowResMask(logits);
        Size size = new Size(641, 479);
        SamTransform transform = SamTransform.forImage(size);
        BitMask full = MaskUpscaler.upscale(lowRes, transform);
        assertEquals(full, MaskUpscaler.upscaleWindow(lowRes, transform, new PixelRect(0, 0, 641, 479), size));

        PixelRect window = new PixelRect(37, 101, 300, 250);
        for (Size output : new Size[] {new Size(300, 250), new Size(97, 83), new Size(1200, 1000), new Size(1, 1)}) {
            BitMask shown = MaskUpscaler.upscaleWindow(lowRes, transform, window, output);
            assertEquals(output, shown.size());
            for (int j = 0; j < output.height(); j++) {
                for (int i = 0; i < output.width(); i++) {
                    int x = (int) Math.floor(window.x() + (i + 0.5) * window.width() / output.width());
                    int y = (int) Math.floor(window.y() + (j + 0.5) * window.height() / output.height());
                    assertEquals(full.get(x, y), shown.get(i, j), "output " + output + " pixel " + i + "," + j);
                }
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> MaskUpscaler.upscaleWindow(lowRes, transform, new PixelRect(600, 0, 50, 10), size));
    }
}
