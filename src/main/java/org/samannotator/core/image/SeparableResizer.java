package org.samannotator.core.image;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Resizes opaque packed RGB pixels with two separable passes (horizontal, then vertical) using
 * {@link AxisWeights}: area averaging when shrinking, half-pixel-centre bilinear when enlarging. The
 * intermediate result is kept in float planes (no rounding between passes); the output is rounded to the
 * nearest 8-bit value and packed as opaque 0xFFRRGGBB. Row blocks are processed in parallel on the common
 * fork-join pool.
 */
final class SeparableResizer {
    private static final int ROWS_PER_TASK = 32;

    private SeparableResizer() {
    }

    /**
     * @param rgb input pixels, row-major, alpha ignored (callers composite first)
     * @return output pixels, row-major, {@code outWidth * outHeight} long
     */
    static int[] resize(int[] rgb, int inWidth, int inHeight, int outWidth, int outHeight) {
        AxisWeights horizontal = AxisWeights.of(inWidth, outWidth);
        AxisWeights vertical = AxisWeights.of(inHeight, outHeight);
        float[][] mid = new float[3][inHeight * outWidth];
        forRowBlocks(inHeight, (from, to) -> resizeRows(rgb, inWidth, horizontal, mid, from, to));
        int[] out = new int[outWidth * outHeight];
        forRowBlocks(outHeight, (from, to) -> resizeColumns(mid, outWidth, vertical, out, from, to));
        return out;
    }

    private interface RowBlock {
        void run(int fromRow, int toRow);
    }

    private static void forRowBlocks(int rows, RowBlock block) {
        int blocks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream.range(0, blocks).parallel()
                .forEach(b -> block.run(b * ROWS_PER_TASK, Math.min(rows, (b + 1) * ROWS_PER_TASK)));
    }

    /** Horizontal pass for input rows [from, to): packed ints in, three float planes (outWidth wide) out. */
    private static void resizeRows(int[] rgb, int inWidth, AxisWeights w, float[][] mid, int from, int to) {
        float[] red = mid[0];
        float[] green = mid[1];
        float[] blue = mid[2];
        int outWidth = w.outLength;
        for (int y = from; y < to; y++) {
            int inRow = y * inWidth;
            int outRow = y * outWidth;
            for (int o = 0; o < outWidth; o++) {
                int base = o * w.maxTaps;
                int index = inRow + w.first[o];
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = 0, n = w.taps[o]; k < n; k++) {
                    int p = rgb[index + k];
                    float weight = w.weights[base + k];
                    r += weight * ((p >> 16) & 0xFF);
                    g += weight * ((p >> 8) & 0xFF);
                    b += weight * (p & 0xFF);
                }
                red[outRow + o] = r;
                green[outRow + o] = g;
                blue[outRow + o] = b;
            }
        }
    }

    /** Vertical pass for output rows [from, to): weighted sums of whole mid rows, then round and pack. */
    private static void resizeColumns(float[][] mid, int width, AxisWeights w, int[] out, int from, int to) {
        float[] r = new float[width];
        float[] g = new float[width];
        float[] b = new float[width];
        for (int o = from; o < to; o++) {
            Arrays.fill(r, 0);
            Arrays.fill(g, 0);
            Arrays.fill(b, 0);
            for (int k = 0, n = w.taps[o]; k < n; k++) {
                float weight = w.weights[o * w.maxTaps + k];
                int row = (w.first[o] + k) * width;
                accumulate(r, mid[0], row, weight);
                accumulate(g, mid[1], row, weight);
                accumulate(b, mid[2], row, weight);
            }
            int outRow = o * width;
            for (int x = 0; x < width; x++) {
                out[outRow + x] = 0xFF000000 | (to8Bit(r[x]) << 16) | (to8Bit(g[x]) << 8) | to8Bit(b[x]);
            }
        }
    }

    private static void accumulate(float[] sum, float[] plane, int rowStart, float weight) {
        for (int x = 0; x < sum.length; x++) {
            sum[x] += weight * plane[rowStart + x];
        }
    }

    private static int to8Bit(float value) {
        int rounded = (int) (value + 0.5f);
        return rounded < 0 ? 0 : Math.min(rounded, 255);
    }
}
