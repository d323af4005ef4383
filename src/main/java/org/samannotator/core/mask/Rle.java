package org.samannotator.core.mask;

import java.util.Arrays;
import java.util.Optional;
import org.samannotator.core.geometry.Size;

/**
 * A COCO run-length encoded mask with exactly pycocotools' semantics (maskApi.c).
 *
 * <p>Pixels are visited in <b>column-major</b> order: x is the outer loop and y the inner loop, so the
 * pixel (x, y) has run index {@code x * height + y}. {@code counts} alternates background and foreground
 * run lengths and always starts with a background run, which is 0 when pixel (0, 0) is foreground. The
 * counts sum to {@code width * height}. COCO JSON writes the size as {@code [height, width]}; this record
 * holds it as a {@link Size} (width, height) so the two cannot be swapped.
 *
 * <p>Immutable: the counts array is copied in and out. Equality compares size and counts, so two
 * encodings of the same mask differ if one has zero-length runs in the middle; {@link #encode} never
 * produces those.
 *
 * @param size   mask size (width, height) in pixels
 * @param counts run lengths, background first; each &gt;= 0, summing to {@code size.area()}
 */
public record Rle(Size size, long[] counts) {
    public Rle {
        if (size == null || counts == null) {
            throw new IllegalArgumentException("size and counts are required");
        }
        counts = counts.clone();
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("RLE count " + i + " is negative: " + counts[i]);
            }
            sum += counts[i];
        }
        if (sum != size.area()) {
            throw new IllegalArgumentException("RLE counts sum to " + sum + " but a " + size.height() + "x"
                    + size.width() + " (h x w) mask has " + size.area() + " pixels");
        }
    }

    /** Uncompressed COCO counts ({@code "counts": [..]} in JSON) for a mask of the given size. */
    public static Rle fromCounts(Size size, int[] counts) {
        long[] wide = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            wide[i] = counts[i];
        }
        return new Rle(size, wide);
    }

    /** Encodes a mask as pycocotools' {@code encode} does (canonical: no zero-length runs except the first). */
    public static Rle encode(BitMask mask) {
        int w = mask.width();
        int h = mask.height();
        long[] runs = new long[16];
        int n = 0;
        boolean previous = false;
        long run = 0;
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                boolean value = mask.get(x, y);
                if (value != previous) {
                    if (n == runs.length) {
                        runs = Arrays.copyOf(runs, n * 2);
                    }
                    runs[n++] = run;
                    run = 0;
                    previous = value;
                }
                run++;
            }
        }
        runs = Arrays.copyOf(runs, n + 1);
        runs[n] = run;
        return new Rle(mask.size(), runs);
    }

    /** Parses pycocotools' compressed counts string ({@code rleFrString}) for a mask of the given size. */
    public static Rle fromCompressedString(Size size, String compressed) {
        return new Rle(size, RleStringCodec.decode(compressed));
    }

    /** The compressed counts string, byte-for-byte what pycocotools' {@code rleToString} writes. */
    public String toCompressedString() {
        return RleStringCodec.encode(counts);
    }

    /** Decodes into a new mask of {@link #size()}. */
    public BitMask toMask() {
        BitMask mask = new BitMask(size);
        int h = size.height();
        long index = 0;
        for (int i = 0; i < counts.length; i++) {
            long end = index + counts[i];
            if (i % 2 == 1) {
                for (long t = index; t < end; t++) {
                    mask.set((int) (t / h), (int) (t % h));
                }
            }
            index = end;
        }
        return mask;
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Number of runs. */
    public int runCount() {
        return counts.length;
    }

    /**
     * Counts as 32-bit ints, as pycocotools' uncompressed form stores them.
     *
     * @throws ArithmeticException if a run is longer than {@link Integer#MAX_VALUE}
     */
    public int[] countsAsInts() {
        int[] narrow = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            narrow[i] = Math.toIntExact(counts[i]);
        }
        return narrow;
    }

    /** Foreground pixel count (sum of the odd-indexed runs), as pycocotools' {@code area}. */
    public long area() {
        long area = 0;
        for (int i = 1; i < counts.length; i += 2) {
            area += counts[i];
        }
        return area;
    }

    /**
     * Tight bounding box (x, y, width, height) of the foreground, computed from the runs without decoding;
     * equal to pycocotools' {@code toBbox} for canonical encodings. Empty when there is no foreground
     * (pycocotools reports [0, 0, 0, 0] then).
     */
    public Optional<PixelRect> toBbox() {
        return bboxOf(counts, size.height());
    }

    /** The foreground area and bounding box of a mask's RLE (see {@link #summarizeCompressed}). */
    public record Summary(long area, Optional<PixelRect> bbox) {
    }

    /**
     * The area and bounding box of a compressed counts string for a mask of {@code size}, checked as
     * {@link #fromCompressedString} checks it but in one pass and without copying the counts (what a
     * project file's reader needs for every object without decoding it).
     *
     * @throws IllegalArgumentException on a malformed string, a negative count or counts not summing to
     *     {@code size.area()}
     */
    public static Summary summarizeCompressed(Size size, String compressed) {
        long[] counts = RleStringCodec.decode(compressed);
        long sum = 0;
        long area = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("RLE count " + i + " is negative: " + counts[i]);
            }
            sum += counts[i];
            area += (i & 1) == 1 ? counts[i] : 0;
        }
        if (sum != size.area()) {
            throw new IllegalArgumentException("RLE counts sum to " + sum + " but a " + size.height() + "x"
                    + size.width() + " (h x w) mask has " + size.area() + " pixels");
        }
        return new Summary(area, bboxOf(counts, size.height()));
    }

    private static Optional<PixelRect> bboxOf(long[] counts, int h) {
        long minX = Long.MAX_VALUE, maxX = -1, minY = Long.MAX_VALUE, maxY = -1;
        long index = 0;
        for (int i = 0; i < counts.length; i++) {
            long start = index;
            index += counts[i];
            if (i % 2 == 0 || counts[i] == 0) {
                continue;
            }
            long last = index - 1;
            long startX = start / h;
            long lastX = last / h;
            minX = Math.min(minX, startX);
            maxX = Math.max(maxX, lastX);
            if (lastX > startX) {
                minY = 0;
                maxY = h - 1;
            } else {
                minY = Math.min(minY, start % h);
                maxY = Math.max(maxY, last % h);
            }
        }
        if (maxX < 0) {
            return Optional.empty();
        }
        return Optional.of(new PixelRect((int) minX, (int) minY, (int) (maxX - minX + 1), (int) (maxY - minY + 1)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rle other && size.equals(other.size) && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * size.hashCode() + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        String shown = counts.length <= 12 ? Arrays.toString(counts) : counts.length + " runs";
        return "Rle[" + size + ", counts=" + shown + "]";
    }
}
