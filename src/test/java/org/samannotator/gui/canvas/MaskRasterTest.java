package org.samannotator.gui.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

/** The word-level mask painter against the pixel-by-pixel definition of fill and outline. */
class MaskRasterTest {
    private static final int FILL = 0x551E90FF;
    private static final int OUTLINE = 0xFFFFFF00;
    private static final int UNTOUCHED = 0x12345678;

    @Test
    void fillAndOutlineMatchThePixelDefinition() {
        Random random = new Random(3);
        for (int width : new int[] {5, 63, 64, 65, 150}) {
            for (int outline = 0; outline <= 3; outline++) {
                for (int trial = 0; trial < 12; trial++) {
                    Size size = new Size(width, 3 + random.nextInt(60));
                    BitMask mask = blobs(random, size);
                    int[] expected = filled(size);
                    int[] actual = filled(size);
                    paintPixelByPixel(mask, expected, outline);
                    MaskRaster.paint(mask, actual, FILL, OUTLINE, outline);
                    assertArrayEquals(expected, actual, size + " outline " + outline + " trial " + trial);
                }
            }
        }
    }

    @Test
    void aFullMaskHasItsOutlineAtTheImageBorder() {
        Size size = new Size(70, 6);
        BitMask full = BitMask.fromPredicate(size, (x, y) -> true);
        int[] buffer = filled(size);
        MaskRaster.paint(full, buffer, FILL, OUTLINE, 2);
        assertEquals(OUTLINE, buffer[0]);
        assertEquals(OUTLINE, buffer[2 * 70 + 68]);
        assertEquals(FILL, buffer[2 * 70 + 2]);
    }

    @Test
    void anEmptyMaskPaintsNothing() {
        Size size = new Size(10, 10);
        int[] buffer = filled(size);
        assertNull(MaskRaster.paint(new BitMask(size), buffer, FILL, OUTLINE, 2));
        assertArrayEquals(filled(size), buffer);
    }

    private static int[] filled(Size size) {
        int[] buffer = new int[(int) size.area()];
        Arrays.fill(buffer, UNTOUCHED);
        return buffer;
    }

    /** A few random ellipses and a sprinkle of single pixels (holes, thin parts, touching the border). */
    private static BitMask blobs(Random random, Size size) {
        BitMask mask = new BitMask(size);
        for (int i = random.nextInt(4); i > 0; i--) {
            double cx = random.nextDouble() * size.width();
            double cy = random.nextDouble() * size.height();
            double rx = 0.5 + random.nextDouble() * size.width() / 2.0;
            double ry = 0.5 + random.nextDouble() * size.height() / 2.0;
            mask.or(BitMask.fromPredicate(size, (x, y) ->
                    Math.pow((x + 0.5 - cx) / rx, 2) + Math.pow((y + 0.5 - cy) / ry, 2) <= 1));
        }
        for (int i = random.nextInt(20); i > 0; i--) {
            mask.set(random.nextInt(size.width()), random.nextInt(size.height()), random.nextBoolean());
        }
        return mask;
    }

    /** The definition: a mask pixel is outline when a 4-neighbour at distance 1..width is outside. */
    private static void paintPixelByPixel(BitMask mask, int[] buffer, int width) {
        int w = mask.width();
        int h = mask.height();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask.get(x, y)) {
                    buffer[y * w + x] = isBorder(mask, x, y, w, h, width) ? OUTLINE : FILL;
                }
            }
        }
    }

    private static boolean isBorder(BitMask mask, int x, int y, int w, int h, int width) {
        for (int d = 1; d <= width; d++) {
            if (x - d < 0 || y - d < 0 || x + d >= w || y + d >= h || !mask.get(x - d, y) || !mask.get(x + d, y)
                    || !mask.get(x, y - d) || !mask.get(x, y + d)) {
                return true;
            }
        }
        return false;
    }
}
