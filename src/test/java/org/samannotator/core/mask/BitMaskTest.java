package org.samannotator.core.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;

/** Word-level bounding box and row copies against pixel-by-pixel definitions, at widths around 64. */
class BitMaskTest {
    private static final int[] WIDTHS = {1, 3, 63, 64, 65, 100, 128, 130};

    @Test
    void boundingBoxMatchesAPixelScan() {
        Random random = new Random(7);
        for (int width : WIDTHS) {
            for (int trial = 0; trial < 30; trial++) {
                BitMask mask = randomBlob(random, new Size(width, 1 + random.nextInt(40)));
                assertEquals(naiveBoundingBox(mask), mask.boundingBox(), mask + " of width " + width);
            }
        }
    }

    @Test
    void boundingBoxOfSinglePixelsAtTheCorners() {
        Size size = new Size(65, 5);
        for (int[] p : new int[][] {{0, 0}, {64, 0}, {0, 4}, {64, 4}, {63, 2}}) {
            BitMask mask = new BitMask(size);
            mask.set(p[0], p[1]);
            assertEquals(Optional.of(new PixelRect(p[0], p[1], 1, 1)), mask.boundingBox());
        }
        assertTrue(new BitMask(size).boundingBox().isEmpty());
    }

    @Test
    void copyRowAlignsEachRowAtBitZero() {
        Random random = new Random(11);
        for (int width : WIDTHS) {
            BitMask mask = BitMask.fromPredicate(new Size(width, 7), (x, y) -> random.nextBoolean());
            long[] row = new long[(width + 63) / 64];
            for (int y = 0; y < 7; y++) {
                java.util.Arrays.fill(row, -1L);
                mask.copyRow(y, row);
                for (int x = 0; x < row.length * 64; x++) {
                    boolean bit = (row[x >>> 6] >>> (x & 63) & 1) != 0;
                    assertEquals(x < width && mask.get(x, y), bit, "width " + width + " row " + y + " x " + x);
                }
            }
        }
    }

    @Test
    void setRowWritesOneRowAndKeepsItsNeighbours() {
        Random random = new Random(13);
        for (int width : WIDTHS) {
            Size size = new Size(width, 5);
            BitMask mask = BitMask.fromPredicate(size, (x, y) -> random.nextBoolean());
            BitMask expected = mask.copy();
            long[] row = new long[(width + 63) / 64];
            for (int k = 0; k < row.length; k++) {
                row[k] = random.nextLong();
            }
            mask.setRow(2, row);
            for (int x = 0; x < width; x++) {
                expected.set(x, 2, (row[x >>> 6] >>> (x & 63) & 1) != 0);
            }
            assertEquals(expected, mask, "width " + width);
        }
    }

    @Test
    void copyRowRejectsAShortArray() {
        BitMask mask = new BitMask(new Size(130, 2));
        assertThrows(IllegalArgumentException.class, () -> mask.copyRow(0, new long[2]));
    }

    /** A random ellipse, sometimes with scattered pixels, sometimes empty. */
    static BitMask randomBlob(Random random, Size size) {
        int kind = random.nextInt(4);
        double cx = random.nextDouble() * size.width();
        double cy = random.nextDouble() * size.height();
        double rx = 1 + random.nextDouble() * size.width() / 2.0;
        double ry = 1 + random.nextDouble() * size.height() / 2.0;
        return BitMask.fromPredicate(size, (x, y) -> kind != 0 && (kind == 3
                ? random.nextInt(50) == 0
                : Math.pow((x + 0.5 - cx) / rx, 2) + Math.pow((y + 0.5 - cy) / ry, 2) <= 1));
    }

    private static Optional<PixelRect> naiveBoundingBox(BitMask mask) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.get(x, y)) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        return maxX < 0 ? Optional.empty() : Optional.of(new PixelRect(minX, minY, maxX - minX + 1, maxY - minY + 1));
    }

    @Test
    void setRangeMatchesBitByBit() {
        Random random = new Random(3);
        Size size = new Size(197, 13);
        for (int trial = 0; trial < 500; trial++) {
            BitMask fast = BitMask.fromPredicate(size, (x, y) -> random.nextBoolean());
            BitMask slow = fast.copy();
            int a = random.nextInt((int) size.area() + 1);
            int b = random.nextInt((int) size.area() + 1);
            boolean value = random.nextBoolean();
            fast.setRange(Math.min(a, b), Math.max(a, b), value);
            for (int i = Math.min(a, b); i < Math.max(a, b); i++) {
                slow.setIndex(i, value);
            }
            assertEquals(slow, fast, "range " + Math.min(a, b) + ".." + Math.max(a, b));
        }
    }

    @Test
    void setRunClipsToTheRow() {
        BitMask mask = new BitMask(new Size(10, 3));
        mask.setRun(1, -5, 4, true);
        mask.setRun(1, 8, 50, true);
        assertEquals(6, mask.area());
        assertEquals(true, mask.get(0, 1));
        assertEquals(false, mask.get(0, 2));
        assertEquals(true, mask.get(9, 1));
    }
}
