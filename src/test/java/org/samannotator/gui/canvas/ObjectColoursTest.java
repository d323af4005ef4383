package org.samannotator.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.BitMask;

class ObjectColoursTest {
    private static double luma(int rgb) {
        return (0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255)) / 255;
    }

    private static double distance(int a, int b) {
        return Math.sqrt(Math.pow((a >> 16 & 255) - (b >> 16 & 255), 2) + Math.pow((a >> 8 & 255) - (b >> 8 & 255), 2)
                + Math.pow((a & 255) - (b & 255), 2));
    }

    @Test
    void consecutiveObjectsGetClearlyDifferentStableColours() {
        int count = 12;
        for (long a = 1; a <= count; a++) {
            assertEquals(ObjectColours.instanceRgb(a), ObjectColours.instanceRgb(a), "stable");
            for (long b = a + 1; b <= count; b++) {
                double d = distance(ObjectColours.instanceRgb(a), ObjectColours.instanceRgb(b));
                assertTrue(d > 40, "objects " + a + " and " + b + " too alike: " + d);
            }
        }
        for (long neighbour = 1; neighbour < 200; neighbour++) {
            double d = distance(ObjectColours.instanceRgb(neighbour), ObjectColours.instanceRgb(neighbour + 1));
            assertTrue(d > 80, "objects " + neighbour + " and the next: " + d);
        }
    }

    @Test
    void theOutlineIsLighterOverDarkPhotosAndDarkerOverLightOnes() {
        for (long id = 1; id < 50; id++) {
            int rgb = ObjectColours.instanceRgb(id);
            int onDark = ObjectColours.outlineRgb(rgb, 0.1);
            int onLight = ObjectColours.outlineRgb(rgb, 0.9);
            assertTrue(luma(onDark) > 0.5, "readable on black: " + Integer.toHexString(onDark));
            assertTrue(luma(onLight) < 0.5, "readable on white: " + Integer.toHexString(onLight));
        }
    }

    @Test
    void meanLumaIsMeasuredUnderTheMaskOnly() {
        Size size = new Size(300, 200);
        int[] pixels = new int[300 * 200];
        Arrays.fill(pixels, 0xFF000000);
        for (int y = 0; y < 200; y++) {
            Arrays.fill(pixels, y * 300, y * 300 + 150, 0xFFFFFFFF);
        }
        RgbImage image = new RgbImage(size, pixels);
        BitMask left = BitMask.fromPredicate(size, (x, y) -> x < 150);
        BitMask right = BitMask.fromPredicate(size, (x, y) -> x >= 150);
        assertEquals(1.0, ObjectColours.meanLuma(image, left), 1e-9);
        assertEquals(0.0, ObjectColours.meanLuma(image, right), 1e-9);
        assertEquals(0.5, ObjectColours.meanLuma(image, new BitMask(size)), "empty mask: neutral");
    }

    @Test
    void meanLumaOfAHugeImageIsReadFromItsOverview() {
        // original 900 x 300: left third white, the rest black; overview of every 3rd pixel (300 x 100)
        Size overviewSize = new Size(300, 100);
        int[] argb = new int[(int) overviewSize.area()];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = i % 300 < 100 ? 0xFFFFFFFF : 0xFF000000;
        }
        RgbImage overview = new RgbImage(overviewSize, argb);
        Size original = new Size(900, 300);
        BitMask white = BitMask.fromPredicate(original, (x, y) -> x >= 20 && x < 290);
        BitMask black = BitMask.fromPredicate(original, (x, y) -> x >= 310 && y > 200);
        assertEquals(1.0, ObjectColours.meanLuma(overview, 3, white), 1e-9);
        assertEquals(0.0, ObjectColours.meanLuma(overview, 3, black), 1e-9);
    }
}
