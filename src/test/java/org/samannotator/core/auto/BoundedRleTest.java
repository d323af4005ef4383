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

    @Test
    void equalsTheFullEncoderAcrossWordStripsWithNoiseAndFullColumns() {
        Random random = new Random(5);
        Size[] sizes = {new Size(200, 90), new Size(130, 7), new Size(64, 64), new Size(65, 3), new Size(1, 50), new Size(129, 129)};
        for (Size size : sizes) {
            for (int trial = 0; trial < 40; trial++) {
                BitMask m = new BitMask(size);
                double density = random.nextDouble();
                int x0 = random.nextInt(size.width());
                int x1 = x0 + random.nextInt(size.width() - x0) + 1;
                for (int y = random.nextInt(size.height()); y < size.height(); y++) {
                    for (int x = x0; x < x1; x++) {
                        if (random.nextDouble() < density) {
                            m.set(x, y);
                        }
                    }
                }
                if (trial % 5 == 0) {
                    m.setRun(size.height() - 1, 0, size.width(), true);
                }
                assertEquals(Rle.encode(m), BoundedRle.encode(m, MaskBox.of(m.boundingBox())), size + " trial " + trial);
            }
        }
    }
}
