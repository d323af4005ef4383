package org.samannotator.core.mask;

import java.util.Arrays;
import java.util.Optional;
import org.samannotator.core.geometry.Size;

/**
 * A binary mask of {@code size.width() x size.height()} pixels, one bit per pixel, row-major
 * (index = y * width + x). Mutable; use {@link #copy()} to hand out snapshots.
 */
public final class BitMask {
    private final Size size;
    private final long[] words;

    public BitMask(Size size) {
        this.size = size;
        this.words = new long[(int) ((size.area() + 63) >>> 6)];
    }

    private BitMask(Size size, long[] words) {
        this.size = size;
        this.words = words;
    }

    public static BitMask fromPredicate(Size size, PixelPredicate predicate) {
        BitMask mask = new BitMask(size);
        for (int y = 0; y < size.height(); y++) {
            for (int x = 0; x < size.width(); x++) {
                if (predicate.test(x, y)) {
                    mask.set(x, y);
                }
            }
        }
        return mask;
    }

    /** Pixels where {@code values[y * width + x] > threshold}. */
    public static BitMask fromThreshold(Size size, float[] values, float threshold) {
        if (values.length != size.area()) {
            throw new IllegalArgumentException("expected " + size.area() + " values, got " + values.length);
        }
        BitMask mask = new BitMask(size);
        for (int i = 0; i < values.length; i++) {
            if (values[i] > threshold) {
                mask.words[i >>> 6] |= 1L << i;
            }
        }
        return mask;
    }

    public Size size() {
        return size;
    }

    public int width() {
        return size.width();
    }

    public int height() {
        return size.height();
    }

    public boolean get(int x, int y) {
        return getIndex(y * size.width() + x);
    }

    /** Bit at row-major index {@code y * width + x}. */
    public boolean getIndex(int index) {
        return (words[index >>> 6] & (1L << index)) != 0;
    }

    public void set(int x, int y) {
        setIndex(y * size.width() + x, true);
    }

    public void set(int x, int y, boolean value) {
        setIndex(y * size.width() + x, value);
    }

    public void setIndex(int index, boolean value) {
        if (value) {
            words[index >>> 6] |= 1L << index;
        } else {
            words[index >>> 6] &= ~(1L << index);
        }
    }

    /** Sets pixels [x0, x1) of row y (clipped to the row). */
    public void setRun(int y, int x0, int x1, boolean value) {
        int base = y * size.width();
        int from = Math.max(0, x0);
        int to = Math.min(size.width(), x1);
        if (from < to) {
            setRange(base + from, base + to, value);
        }
    }

    /** Sets row-major indices [fromIndex, toIndex) a 64-bit word at a time. */
    public void setRange(int fromIndex, int toIndex, boolean value) {
        if (fromIndex >= toIndex) {
            return;
        }
        int firstWord = fromIndex >>> 6;
        int lastWord = (toIndex - 1) >>> 6;
        long firstMask = -1L << fromIndex;
        long lastMask = -1L >>> -toIndex;
        for (int w = firstWord; w <= lastWord; w++) {
            long bits = (w == firstWord ? firstMask : -1L) & (w == lastWord ? lastMask : -1L);
            words[w] = value ? words[w] | bits : words[w] & ~bits;
        }
    }

    public long area() {
        long n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    public boolean isEmpty() {
        for (long w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tight bounding box of set pixels as (x, y, width, height) in pixels, empty if no pixel is set. Scans
     * whole 64-bit words and skips empty ones, so it costs about one pass over {@code area / 64} words.
     */
    public Optional<PixelRect> boundingBox() {
        int w = size.width();
        int minX = Integer.MAX_VALUE, minY = -1, maxX = -1, maxY = -1;
        for (int i = 0; i < words.length; i++) {
            long word = words[i];
            long base = (long) i << 6;
            while (word != 0) {
                long first = base + Long.numberOfTrailingZeros(word);
                int y = (int) (first / w);
                long rowEnd = (long) (y + 1) * w;
                // The bits of this word that lie in row y: [first, min(rowEnd, base + 64)).
                long inRow = rowEnd - base >= 64 ? word : word & ((1L << (rowEnd - base)) - 1);
                long last = base + 63 - Long.numberOfLeadingZeros(inRow);
                minX = Math.min(minX, (int) (first - (long) y * w));
                maxX = Math.max(maxX, (int) (last - (long) y * w));
                if (minY < 0) {
                    minY = y;
                }
                maxY = y;
                word &= ~inRow;
            }
        }
        return maxX < 0 ? Optional.empty() : Optional.of(new PixelRect(minX, minY, maxX - minX + 1, maxY - minY + 1));
    }

    /**
     * Copies row {@code y} into {@code row} aligned at x = 0: pixel x of the row is bit {@code x & 63} of
     * {@code row[x >>> 6]}; bits past the width are cleared. {@code row} needs {@code (width + 63) / 64} words.
     */
    public void copyRow(int y, long[] row) {
        int w = size.width();
        int rowWords = (w + 63) >>> 6;
        if (row.length < rowWords) {
            throw new IllegalArgumentException("a row of " + w + " pixels needs " + rowWords + " words, got " + row.length);
        }
        long start = (long) y * w;
        for (int k = 0; k < rowWords; k++) {
            long index = start + ((long) k << 6);
            int word = (int) (index >>> 6);
            int shift = (int) (index & 63);
            long value = words[word] >>> shift;
            if (shift != 0 && word + 1 < words.length) {
                value |= words[word + 1] << (64 - shift);
            }
            row[k] = value;
        }
        int tail = w & 63;
        if (tail != 0) {
            row[rowWords - 1] &= (1L << tail) - 1;
        }
    }

    /**
     * Pixels [64 k, 64 k + 64) of row {@code y} as one word: pixel 64 k + j is bit j; bits past the width are
     * cleared. {@link #copyRow} word by word, for scanning a strip of columns down the rows.
     */
    public long rowWord(int y, int k) {
        int w = size.width();
        long index = (long) y * w + ((long) k << 6);
        int word = (int) (index >>> 6);
        int shift = (int) (index & 63);
        long value = words[word] >>> shift;
        if (shift != 0 && word + 1 < words.length) {
            value |= words[word + 1] << (64 - shift);
        }
        int count = w - (k << 6);
        return count >= 64 ? value : value & ((1L << count) - 1);
    }

    /**
     * Replaces row {@code y} with the bits of {@code row}, aligned at x = 0 as {@link #copyRow} gives them
     * (bits past the width are ignored). Other rows are untouched.
     */
    public void setRow(int y, long[] row) {
        int w = size.width();
        int rowWords = (w + 63) >>> 6;
        if (row.length < rowWords) {
            throw new IllegalArgumentException("a row of " + w + " pixels needs " + rowWords + " words, got " + row.length);
        }
        long start = (long) y * w;
        for (int k = 0; k < rowWords; k++) {
            int count = Math.min(64, w - (k << 6));
            long valid = count == 64 ? -1L : (1L << count) - 1;
            long bits = row[k] & valid;
            long index = start + ((long) k << 6);
            int word = (int) (index >>> 6);
            int shift = (int) (index & 63);
            words[word] = words[word] & ~(valid << shift) | bits << shift;
            int spill = shift + count - 64;
            if (spill > 0) {
                long spilled = (1L << spill) - 1;
                words[word + 1] = words[word + 1] & ~spilled | bits >>> (64 - shift);
            }
        }
    }

    public BitMask copy() {
        return new BitMask(size, words.clone());
    }

    public void or(BitMask other) {
        requireSameSize(other);
        for (int i = 0; i < words.length; i++) {
            words[i] |= other.words[i];
        }
    }

    public void andNot(BitMask other) {
        requireSameSize(other);
        for (int i = 0; i < words.length; i++) {
            words[i] &= ~other.words[i];
        }
    }

    public long intersectionArea(BitMask other) {
        requireSameSize(other);
        long n = 0;
        for (int i = 0; i < words.length; i++) {
            n += Long.bitCount(words[i] & other.words[i]);
        }
        return n;
    }

    public long unionArea(BitMask other) {
        requireSameSize(other);
        long n = 0;
        for (int i = 0; i < words.length; i++) {
            n += Long.bitCount(words[i] | other.words[i]);
        }
        return n;
    }

    /** Intersection over union; two empty masks have IoU 1. */
    public double iou(BitMask other) {
        long union = unionArea(other);
        return union == 0 ? 1.0 : (double) intersectionArea(other) / union;
    }

    private void requireSameSize(BitMask other) {
        if (!size.equals(other.size)) {
            throw new IllegalArgumentException("mask sizes differ: " + size + " vs " + other.size);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitMask other && size.equals(other.size) && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return 31 * size.hashCode() + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "BitMask[" + size + ", area=" + area() + "]";
    }

    /** Test of one pixel by its (x, y). */
    @FunctionalInterface
    public interface PixelPredicate {
        boolean test(int x, int y);
    }
}
