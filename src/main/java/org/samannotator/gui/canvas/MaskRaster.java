package org.samannotator.gui.canvas;

import java.util.Arrays;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.PixelRect;

/**
 * Writes a mask into a row-major ARGB buffer of the mask's size (index {@code y * width + x}): the mask's
 * pixels within {@code outlineWidth} pixels of its edge get the outline colour, the others the fill colour;
 * pixels outside the mask are left as they are. A pixel is on the edge when, for some distance d in
 * 1..outlineWidth, one of its four neighbours at distance d (left, right, up, down) is outside the mask
 * or outside the image.
 *
 * <p>Works on 64-pixel words of each row (the rows above and below come from a small ring of row copies),
 * so the cost is one pass over the mask's bounding box in words plus the buffer writes, with runs of fill
 * pixels written by {@link Arrays#fill}.
 */
final class MaskRaster {
    private MaskRaster() {
    }

    /**
     * Paints {@code mask} into {@code buffer} (length at least width * height); returns the bounding box of
     * the painted pixels as (x, y, width, height), or null when the mask is empty.
     */
    static PixelRect paint(BitMask mask, int[] buffer, int fillArgb, int outlineArgb, int outlineWidth) {
        if (outlineWidth < 0 || outlineWidth > 63) {
            throw new IllegalArgumentException("outline width must be in 0..63 pixels, got " + outlineWidth);
        }
        PixelRect box = mask.boundingBox().orElse(null);
        if (box == null) {
            return null;
        }
        new Rows(mask, outlineWidth, box).paint(buffer, fillArgb, outlineArgb);
        return box;
    }

    /** Ring of row copies y - d .. y + d around the row being painted; rows outside the image are empty. */
    private static final class Rows {
        private final BitMask mask;
        private final int reach;
        private final PixelRect box;
        private final int rowWords;
        private final long[][] ring;

        Rows(BitMask mask, int reach, PixelRect box) {
            this.mask = mask;
            this.reach = reach;
            this.box = box;
            this.rowWords = (mask.width() + 63) >>> 6;
            this.ring = new long[2 * reach + 1][rowWords];
        }

        private long[] row(int y) {
            return ring[Math.floorMod(y, ring.length)];
        }

        private void load(int y) {
            long[] row = row(y);
            if (y < 0 || y >= mask.height()) {
                Arrays.fill(row, 0L);
            } else {
                mask.copyRow(y, row);
            }
        }

        void paint(int[] buffer, int fillArgb, int outlineArgb) {
            int top = box.y();
            int bottom = box.y() + box.height();
            for (int y = top - reach; y < top + reach; y++) {
                load(y);
            }
            int firstWord = box.x() >>> 6;
            int lastWord = (box.x() + box.width() - 1) >>> 6;
            for (int y = top; y < bottom; y++) {
                load(y + reach);
                long[] current = row(y);
                int base = y * mask.width();
                for (int k = firstWord; k <= lastWord; k++) {
                    long inside = current[k];
                    if (inside == 0) {
                        continue;
                    }
                    long interior = interior(current, y, k);
                    int x0 = base + (k << 6);
                    fillRuns(buffer, x0, interior, fillArgb);
                    setBits(buffer, x0, inside & ~interior, outlineArgb);
                }
            }
        }

        /** Bits of word k of row y whose neighbours at distances 1..reach are all in the mask. */
        private long interior(long[] current, int y, int k) {
            long interior = current[k];
            for (int d = 1; d <= reach && interior != 0; d++) {
                long left = current[k] << d | (k > 0 ? current[k - 1] >>> (64 - d) : 0L);
                long right = current[k] >>> d | (k + 1 < rowWords ? current[k + 1] << (64 - d) : 0L);
                interior &= left & right & row(y - d)[k] & row(y + d)[k];
            }
            return interior;
        }

        /** Writes {@code argb} at the runs of set bits of {@code bits} (bit i = buffer[x0 + i]). */
        private static void fillRuns(int[] buffer, int x0, long bits, int argb) {
            while (bits != 0) {
                int start = Long.numberOfTrailingZeros(bits);
                long filledBelow = bits | ((1L << start) - 1);
                int end = filledBelow == -1L ? 64 : Long.numberOfTrailingZeros(~filledBelow);
                Arrays.fill(buffer, x0 + start, x0 + end, argb);
                bits = end == 64 ? 0L : bits & (-1L << end);
            }
        }

        private static void setBits(int[] buffer, int x0, long bits, int argb) {
            while (bits != 0) {
                buffer[x0 + Long.numberOfTrailingZeros(bits)] = argb;
                bits &= bits - 1;
            }
        }
    }
}
