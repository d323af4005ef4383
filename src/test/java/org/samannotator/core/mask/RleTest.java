package org.samannotator.core.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;

class RleTest {

    /** Builds a mask from rows of '0'/'1' characters, row y = rows[y]. */
    static BitMask maskOf(String... rows) {
        BitMask mask = new BitMask(new Size(rows[0].length(), rows.length));
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                mask.set(x, y, rows[y].charAt(x) == '1');
            }
        }
        return mask;
    }

    @Test
    void encodesThreeByThreeColumnMajor() {
        // rows:  0 1 0 / 0 1 1 / 0 0 0. Column-major (x outer, y inner): col0 = 0,0,0; col1 = 1,1,0;
        // col2 = 0,1,0 -> sequence 000 110 010 -> runs bg3 fg2 bg2 fg1 bg1.
        Rle rle = Rle.encode(maskOf("010", "011", "000"));
        assertArrayEquals(new long[] {3, 2, 2, 1, 1}, rle.counts());
        // String: 3->'3', 2->'2', 2->'2'; then deltas from counts[i-2]: 1-2 = -1 -> chunk 0x1f (sign bit set,
        // remaining x = -1 so no more) -> 31+48 = 'O'; 1-2 = -1 -> 'O'.
        assertEquals("322OO", rle.toCompressedString());
        assertEquals(3, rle.area());
        assertEquals(Optional.of(new PixelRect(1, 0, 2, 2)), rle.toBbox());
    }

    @Test
    void firstPixelForegroundStartsWithZeroRun() {
        // rows: 1 0 / 1 1 -> column-major 1,1,0,1 -> counts [0, 2, 1, 1].
        Rle rle = Rle.encode(maskOf("10", "11"));
        assertArrayEquals(new long[] {0, 2, 1, 1}, rle.counts());
        // '0','2','1', then 1 - counts[1] = 1 - 2 = -1 -> 'O'.
        assertEquals("021O", rle.toCompressedString());
        assertEquals(3, rle.area());
        assertEquals(Optional.of(new PixelRect(0, 0, 2, 2)), rle.toBbox());
    }

    @Test
    void emptyMaskIsOneBackgroundRun() {
        Rle rle = Rle.encode(new BitMask(new Size(4, 3)));
        assertArrayEquals(new long[] {12}, rle.counts());
        assertEquals("<", rle.toCompressedString()); // 12 + 48 = '<'
        assertEquals(0, rle.area());
        assertEquals(Optional.empty(), rle.toBbox());
        assertEquals(new BitMask(new Size(4, 3)), rle.toMask());
    }

    @Test
    void fullMaskIsZeroThenEverything() {
        BitMask full = BitMask.fromPredicate(new Size(4, 3), (x, y) -> true);
        Rle rle = Rle.encode(full);
        assertArrayEquals(new long[] {0, 12}, rle.counts());
        assertEquals("0<", rle.toCompressedString());
        assertEquals(12, rle.area());
        assertEquals(Optional.of(new PixelRect(0, 0, 4, 3)), rle.toBbox());
        assertEquals(full, rle.toMask());
    }

    @Test
    void multiChunkCountsAndNegativeDeltas() {
        // Mask w=10, h=20 (200 px). Foreground: index 100..129 (x=5 all 20 rows, x=6 rows 0..9),
        // then 20 bg, then index 150..159 (x=7 rows 10..19), then 40 bg -> counts [100, 30, 20, 10, 40].
        Size size = new Size(10, 20);
        BitMask mask = BitMask.fromPredicate(size, (x, y) -> {
            int t = x * 20 + y;
            return (t >= 100 && t < 130) || (t >= 150 && t < 160);
        });
        Rle rle = Rle.encode(mask);
        assertArrayEquals(new long[] {100, 30, 20, 10, 40}, rle.counts());
        // 100 = 0b11_00100: chunk 4 | more(0x20) = 36 -> 'T', then 3 -> '3'.
        // 30: chunk 30 has the sign bit 0x10 but the rest is 0 (not -1), so more: 62 -> 'n', then '0'.
        // 20: same reason: 52 -> 'd', then '0'.
        // i=3: 10 - 30 = -20: low 5 bits 01100 = 12, rest = -1 but sign bit clear -> more: 44 -> '\\';
        //      then chunk 31 (sign set, rest -1) -> 'O'.
        // i=4: 40 - 20 = 20 -> "d0".
        assertEquals("T3n0d0\\Od0", rle.toCompressedString());
        assertEquals(rle, Rle.fromCompressedString(size, "T3n0d0\\Od0"));
        assertEquals(40, rle.area());
        assertEquals(Optional.of(new PixelRect(5, 0, 3, 20)), rle.toBbox());
    }

    @Test
    void singlePixelInLargerImage() {
        // w=10, h=20, pixel (5, 0) -> index 5*20+0 = 100 -> counts [100, 1, 99];
        // 99 = 0b11_00011 -> chunk 3|0x20 = 35 -> 'S', then '3'.
        Size size = new Size(10, 20);
        BitMask mask = new BitMask(size);
        mask.set(5, 0);
        Rle rle = Rle.encode(mask);
        assertArrayEquals(new long[] {100, 1, 99}, rle.counts());
        assertEquals("T31S3", rle.toCompressedString());
        assertEquals(Optional.of(new PixelRect(5, 0, 1, 1)), rle.toBbox());
    }

    @Test
    void decodesUncompressedIntCounts() {
        Rle rle = Rle.fromCounts(new Size(3, 3), new int[] {3, 2, 2, 1, 1});
        assertEquals(maskOf("010", "011", "000"), rle.toMask());
        assertArrayEquals(new int[] {3, 2, 2, 1, 1}, rle.countsAsInts());
    }

    @Test
    void roundTripsRandomMasks() {
        Random random = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            Size size = new Size(1 + random.nextInt(40), 1 + random.nextInt(40));
            double density = random.nextDouble();
            BitMask mask = BitMask.fromPredicate(size, (x, y) -> random.nextDouble() < density);
            Rle rle = Rle.encode(mask);
            assertEquals(mask, rle.toMask());
            assertEquals(mask.area(), rle.area());
            assertEquals(mask.boundingBox(), rle.toBbox());
            Rle parsed = Rle.fromCompressedString(size, rle.toCompressedString());
            assertEquals(rle, parsed);
            assertEquals(mask, Rle.fromCounts(size, rle.countsAsInts()).toMask());
        }
    }

    @Test
    void stringCodecHandlesLargeCounts() {
        // A 100000 x 50000 mask (5e9 px, above 2^32) is never decoded here: only counts are checked.
        Size size = new Size(100_000, 50_000);
        long[] counts = {4_000_000_000L, 3, 999_999_997L};
        Rle rle = new Rle(size, counts);
        assertEquals(rle, Rle.fromCompressedString(size, rle.toCompressedString()));
        assertEquals(Optional.of(new PixelRect(80_000, 0, 1, 3)), rle.toBbox());
    }

    @Test
    void rejectsCountsNotSummingToArea() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Rle(new Size(3, 3), new long[] {3, 2}));
        assertTrue(e.getMessage().contains("sum to 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Rle(new Size(3, 3), new long[] {10, -1}));
    }

    @Test
    void rejectsCorruptStrings() {
        Size size = new Size(3, 3);
        assertThrows(IllegalArgumentException.class, () -> Rle.fromCompressedString(size, "3 2"));
        // 'T' has the continuation bit set but nothing follows.
        assertThrows(IllegalArgumentException.class, () -> Rle.fromCompressedString(size, "T"));
        // Valid characters, wrong total.
        assertThrows(IllegalArgumentException.class, () -> Rle.fromCompressedString(size, "32"));
    }

    @Test
    void countsAreDefensivelyCopied() {
        long[] counts = {3, 2, 2, 1, 1};
        Rle rle = new Rle(new Size(3, 3), counts);
        counts[0] = 99;
        rle.counts()[1] = 99;
        assertArrayEquals(new long[] {3, 2, 2, 1, 1}, rle.counts());
    }
}
