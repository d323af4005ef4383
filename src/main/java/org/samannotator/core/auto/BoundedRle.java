package org.samannotator.core.auto;

import java.util.Arrays;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.Rle;

/**
 * COCO RLE of a mask whose bounding box is known, reading only the pixels inside the box: equal to
 * {@link Rle#encode} (column-major, background run first), but the cost is the box's area, not the image's,
 * which matters for small masks in large images.
 */
final class BoundedRle {
    private long[] counts = new long[16];
    private int n = 1; // counts[0] is the first (background) run
    private boolean current;

    private BoundedRle() {
    }

    /** @param box the mask's {@link MaskBox} (an empty mask's box (0, 0, 0, 0) works too) */
    static Rle encode(BitMask mask, MaskBox box) {
        int h = mask.height();
        BoundedRle rle = new BoundedRle();
        rle.add(false, (long) box.x0() * h);
        for (int x = box.x0(); x <= box.x1(); x++) {
            rle.add(false, box.y0());
            for (int y = box.y0(); y <= box.y1(); y++) {
                rle.add(mask.get(x, y), 1);
            }
            rle.add(false, h - 1 - box.y1());
        }
        rle.add(false, (long) (mask.width() - 1 - box.x1()) * h);
        return new Rle(mask.size(), Arrays.copyOf(rle.counts, rle.n));
    }

    private void add(boolean value, long length) {
        if (length <= 0) {
            return;
        }
        if (value != current) {
            if (n == counts.length) {
                counts = Arrays.copyOf(counts, n * 2);
            }
            counts[n++] = 0;
            current = value;
        }
        counts[n - 1] += length;
    }
}
