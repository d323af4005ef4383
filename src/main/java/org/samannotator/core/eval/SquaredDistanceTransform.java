package org.samannotator.core.eval;

import org.samannotator.core.mask.BitMask;

/**
 * Exact Euclidean distance transform of a binary mask (Felzenszwalb &amp; Huttenlocher, "Distance
 * Transforms of Sampled Functions", 2012): two passes of the 1D lower envelope of parabolas, first along
 * columns, then along rows. The result holds, for every pixel, the SQUARED Euclidean distance (in pixels,
 * integer, exact) to the nearest pixel that is NOT set in the mask; pixels outside the mask get 0.
 *
 * <p>The result array is row-major, {@code index = y * width + x}, of length {@code width * height}.
 */
public final class SquaredDistanceTransform {
    /** Value of a pixel that has no background pixel anywhere (only without a background border). */
    public static final int NO_BACKGROUND = Integer.MAX_VALUE;

    /** Stands for "infinitely far" inside the computation; exact in double arithmetic. */
    private static final long INFINITE = 1L << 40;

    private SquaredDistanceTransform() {
    }

    /**
     * Squared distances to the nearest unset pixel of the image itself; the area outside the image is not
     * background. A mask with every pixel set yields {@link #NO_BACKGROUND} everywhere.
     */
    public static int[] compute(BitMask mask) {
        return transform(mask, false);
    }

    /**
     * Squared distances as if the mask were padded with one unset pixel on every side: a set pixel on the
     * image border is at distance 1 (squared 1) from the background. This is the distance RITM-style click
     * simulation uses, so pixels on the image border count as near the boundary.
     */
    public static int[] computeWithBackgroundBorder(BitMask mask) {
        return transform(mask, true);
    }

    private static int[] transform(BitMask mask, boolean backgroundBorder) {
        int width = mask.width();
        int height = mask.height();
        int[] grid = new int[width * height];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = mask.getIndex(i) ? NO_BACKGROUND : 0;
        }
        LineWorkspace line = new LineWorkspace(Math.max(width, height) + 2);
        for (int x = 0; x < width; x++) {
            line.transform(grid, x, width, height, backgroundBorder);
        }
        for (int y = 0; y < height; y++) {
            line.transform(grid, y * width, 1, width, backgroundBorder);
        }
        return grid;
    }

    /** Scratch arrays for one 1D pass, reused across all lines of an image. */
    private static final class LineWorkspace {
        private final long[] f;
        private final long[] d;
        private final int[] vertices;
        private final double[] boundaries;

        LineWorkspace(int capacity) {
            f = new long[capacity];
            d = new long[capacity];
            vertices = new int[capacity];
            boundaries = new double[capacity + 1];
        }

        /**
         * Transforms the {@code count} values of {@code grid} starting at {@code start} with step
         * {@code stride}, in place. With a background border, a zero is placed before and after the line.
         */
        void transform(int[] grid, int start, int stride, int count, boolean backgroundBorder) {
            int offset = backgroundBorder ? 1 : 0;
            int n = count + 2 * offset;
            for (int i = 0; i < count; i++) {
                int value = grid[start + i * stride];
                f[i + offset] = value == NO_BACKGROUND ? INFINITE : value;
            }
            if (backgroundBorder) {
                f[0] = 0;
                f[n - 1] = 0;
            }
            lowerEnvelope(n);
            for (int i = 0; i < count; i++) {
                long value = d[i + offset];
                grid[start + i * stride] = value >= INFINITE ? NO_BACKGROUND : (int) value;
            }
        }

        /** d[q] = min over p of (q - p)^2 + f[p], for q in [0, n). */
        private void lowerEnvelope(int n) {
            int k = 0;
            vertices[0] = 0;
            boundaries[0] = Double.NEGATIVE_INFINITY;
            boundaries[1] = Double.POSITIVE_INFINITY;
            for (int q = 1; q < n; q++) {
                double s = intersection(q, vertices[k]);
                while (s <= boundaries[k]) {
                    k--;
                    s = intersection(q, vertices[k]);
                }
                k++;
                vertices[k] = q;
                boundaries[k] = s;
                boundaries[k + 1] = Double.POSITIVE_INFINITY;
            }
            k = 0;
            for (int q = 0; q < n; q++) {
                while (boundaries[k + 1] < q) {
                    k++;
                }
                long offset = q - vertices[k];
                d[q] = Math.min(INFINITE, offset * offset + f[vertices[k]]);
            }
        }

        /** Position where the parabolas rooted at q and p intersect (both sides exact integers below 2^53). */
        private double intersection(int q, int p) {
            long numerator = (f[q] + (long) q * q) - (f[p] + (long) p * p);
            return numerator / (2.0 * (q - p));
        }
    }
}
