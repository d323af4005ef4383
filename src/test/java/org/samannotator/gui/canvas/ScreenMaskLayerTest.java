package org.samannotator.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The screen-resolution sampling of {@link ScreenMaskLayer}: which screen pixels and which original pixels. */
class ScreenMaskLayerTest {
    @Test
    void everyScreenPixelShowsTheOriginalPixelUnderItsCentre() {
        Random random = new Random(2);
        for (int trial = 0; trial < 500; trial++) {
            double scale = Math.exp(random.nextDouble() * 6 - 4); // 0.018 .. 7.4
            double offset = random.nextDouble() * 400 - 200;
            int start = random.nextInt(3000);
            int length = 1 + random.nextInt(2000);
            double canvas = 200 + random.nextInt(1400);
            int[] range = ScreenMaskLayer.screenRange(offset, scale, start, length, canvas);
            if (range[1] <= range[0]) {
                continue;
            }
            assertTrue(range[0] >= -ScreenMaskLayer.OUTLINE && range[1] <= canvas + ScreenMaskLayer.OUTLINE + 1);
            int[] samples = ScreenMaskLayer.samples(range, offset, scale, start, length);
            for (int i = 0; i < samples.length; i++) {
                double centre = (range[0] + i + 0.5 - offset) / scale;
                assertEquals(Math.floor(centre), samples[i], 1e-9, "trial " + trial + " pixel " + i);
                assertTrue(samples[i] >= start && samples[i] < start + length);
            }
            // the pixels just outside the range have their centre outside [start, start + length) or off the canvas
            double before = (range[0] - 1 + 0.5 - offset) / scale;
            assertTrue(before < start || range[0] == -ScreenMaskLayer.OUTLINE, "trial " + trial);
            double after = (range[1] + 0.5 - offset) / scale;
            assertTrue(after >= start + length || range[1] >= (int) Math.ceil(canvas) + ScreenMaskLayer.OUTLINE,
                    "trial " + trial);
        }
    }
}
