package org.samannotator.core.auto;

import java.util.Arrays;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.Rle;

/**
 * COCO RLE of a mask whose bounding box is known, reading only the pixels inside the box: equal to
 * {@link Rle#encode} (column-major, background run first), but the cost is the box's area in 64-bit words
 * plus the number of run boundaries, not the image's pixel count, which matters for large images.
 *
 * <p>The row-major mask is read in strips of 64 columns ({@link BitMask#rowWord}); going down a strip, the
 * XOR of two consecutive rows' words marks the columns whose value changes at that row, which are exactly
 * the column-major run boundaries.
 */
final class BoundedRle {
    private long[] counts = new long[16];
    private int n = 1; // counts[0] is the first (background) run
    private boolean current;
    /** Per column of the current strip: the rows where its value changes, in order. */
    private final int[][] changes = new int[64][8];
    private final int[] changeCount = new int[64];

    private BoundedRle() {
    }

    /** @param box the mask's {@link MaskBox} (an empty mask's box (0, 0, 0, 0) works too) */
    static Rle encode(BitMask mask, MaskBox box) {
        int h = mask.height();
        BoundedRle rle = new BoundedRle();
        rle.add(false, (long) box.x0() * h);
        for (int k = box.x0() >>> 6; k <= box.x1() >>> 6; k++) {
            rle.encodeStrip(mask, box, k);
        }
        rle.add(false, (long) (mask.width() - 1 - box.x1()) * h);
        return new Rle(mask.size(), Arrays.copyOf(rle.counts, rle.n));
    }

    /** Columns [64 k, 64 k + 64) clipped to the box, each from row 0 to the mask's height. */
    private void encodeStrip(BitMask mask, MaskBox box, int k) {
        int first = Math.max(box.x0(), k << 6) - (k << 6);
        int last = Math.min(box.x1(), (k << 6) + 63) - (k << 6);
        long columns = (-1L >>> (63 - last)) & (-1L << first);
        Arrays.fill(changeCount, 0);
        long previous = 0;
        for (int y = box.y0(); y <= box.y1(); y++) {
            long word = mask.rowWord(y, k) & columns;
            recordChanges(word ^ previous, y);
            previous = word;
        }
        recordChanges(previous, box.y1() + 1);
        int h = mask.height();
        for (int j = first; j <= last; j++) {
            int position = 0;
            boolean value = false;
            for (int c = 0; c < changeCount[j]; c++) {
                add(value, changes[j][c] - position);
                position = changes[j][c];
                value = !value;
            }
            add(false, h - position);
        }
    }

    private void recordChanges(long changed, int y) {
        while (changed != 0) {
            int j = Long.numberOfTrailingZeros(changed);
            if (changeCount[j] == changes[j].length) {
                changes[j] = Arrays.copyOf(changes[j], changes[j].length * 2);
            }
            changes[j][changeCount[j]++] = y;
            changed &= changed - 1;
        }
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
