package org.samannotator.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;

class SquaredDistanceTransformTest {

    @Test
    void matchesBruteForceOnRandomMasksWithoutBorder() {
        Random random = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            BitMask mask = randomMask(random);
            assertArrayEquals(bruteForce(mask, false), SquaredDistanceTransform.compute(mask), mask.toString());
        }
    }

    @Test
    void matchesBruteForceOnRandomMasksWithBackgroundBorder() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            BitMask mask = randomMask(random);
            assertArrayEquals(bruteForce(mask, true), SquaredDistanceTransform.computeWithBackgroundBorder(mask),
                    mask.toString());
        }
    }

    @Test
    void fullMaskHasNoBackgroundUnlessBordered() {
        BitMask full = BitMask.fromPredicate(new Size(5, 3), (x, y) -> true);
        int[] plain = SquaredDistanceTransform.compute(full);
        for (int value : plain) {
            assertEquals(SquaredDistanceTransform.NO_BACKGROUND, value);
        }
        int[] bordered = SquaredDistanceTransform.computeWithBackgroundBorder(full);
        // middle row: distance to the top/bottom padding is 2, so squared 4 at the centre (2,1)
        assertEquals(4, bordered[1 * 5 + 2]);
        assertEquals(1, bordered[0]);
        assertEquals(1, bordered[1 * 5 + 0]);
        assertEquals(4, bordered[1 * 5 + 1]);
    }

    @Test
    void singleBackgroundPixelGivesExactSquaredDistances() {
        BitMask mask = BitMask.fromPredicate(new Size(7, 5), (x, y) -> !(x == 1 && y == 1));
        int[] distances = SquaredDistanceTransform.compute(mask);
        assertEquals(0, distances[1 * 7 + 1]);
        assertEquals(5 * 5 + 3 * 3, distances[4 * 7 + 6]);
        assertEquals(1 + 1, distances[0]);
    }

    private static BitMask randomMask(Random random) {
        Size size = new Size(1 + random.nextInt(17), 1 + random.nextInt(13));
        double density = 0.3 + 0.69 * random.nextDouble();
        return BitMask.fromPredicate(size, (x, y) -> random.nextDouble() < density);
    }

    /** Minimum squared distance from each set pixel to an unset pixel (or padding), by exhaustive search. */
    private static int[] bruteForce(BitMask mask, boolean border) {
        int w = mask.width();
        int h = mask.height();
        int[] result = new int[w * h];
        int lo = border ? -1 : 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!mask.get(x, y)) {
                    continue;
                }
                long best = Long.MAX_VALUE;
                for (int by = lo; by < h - lo; by++) {
                    for (int bx = lo; bx < w - lo; bx++) {
                        boolean background = bx < 0 || by < 0 || bx >= w || by >= h || !mask.get(bx, by);
                        if (background) {
                            best = Math.min(best, (long) (x - bx) * (x - bx) + (long) (y - by) * (y - by));
                        }
                    }
                }
                result[y * w + x] = best == Long.MAX_VALUE ? SquaredDistanceTransform.NO_BACKGROUND : (int) best;
            }
        }
        return result;
    }
}
