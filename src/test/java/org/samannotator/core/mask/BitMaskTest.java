package org.samannotator.core.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;

class BitMaskTest {
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
