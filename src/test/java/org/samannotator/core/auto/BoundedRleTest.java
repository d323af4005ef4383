package org.samannotator.core.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.Rle;

class BoundedRleTest {
    @Test
    void equalsTheFullEncoderOnRandomBlobsEmptyAndCornerMasks() {
        Random random = new Random(3);
        Size size = new Size(37, 23);
        for (int trial = 0; trial < 200; trial++) {
            BitMask m = new BitMask(size);
            int blobs = random.nextInt(3);
            for (int b = 0; b < blobs; b++) {
                int x0 = random.nextInt(37);
                int y0 = random.nextInt(23);
                int x1 = Math.min(37, x0 + 1 + random.nextInt(10));
                for (int y = y0; y < Math.min(23, y0 + 1 + random.nextInt(8)); y++) {
                    m.setRun(y, x0, x1, true);
                }
            }
            if (trial % 7 == 0) {
                m.set(0, 0);
            }
            if (trial % 11 == 0) {
                m.set(36, 22);
            }
            assertEquals(Rle.encode(m), BoundedRle.encode(m, MaskBox.of(m.boundingBox())), "trial " + trial);
        }
    }
}
