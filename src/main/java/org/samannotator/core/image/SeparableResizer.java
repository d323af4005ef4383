package org.samannotator.core.image;

import java.util.stream.IntStream;

/**
 * Resizes opaque packed RGB pixels with two separable passes using {@link AxisWeights}: area averaging when
 * shrinking, half-pixel-centre bilinear when enlarging. The vertical pass runs first, straight from the
 * packed ints into three float planes (a loop over whole rows, which the JIT vectorises); the horizontal
 * pass then reads those planes. There is no rounding between passes; the output is rounded to the nearest
 * 8-bit value and packed as opaque 0xFFRRGGBB. Row blocks are processed in parallel on the common
 * fork-join pool.
 */
final class SeparableResizer {
    private static final int ROWS_PER_TASK = 16;

    private SeparableResizer() {
    }

    /**
     * @param rgb input pixels, row-major, alpha ignored (callers composite first)
     * @return output pixels, row-major, {@code outWidth * outHeight} long
     */
    static int[] resize(int[] rgb, int inWidth, int inHeight, int outWidth, int outHeight) {
        AxisWeights vertical = AxisWeights.of(inHeight, outHeight);
        AxisWeights horizontal = AxisWeights.of(inWidth, outWidth);
        float[][] mid = new float[3][outHeight * inWidth];
        forRowBlocks(outHeight, (from, to) -> verticalPass(rgb, inWidth, vertical, mid, from, to));
        int[] out = new int[outWidth * outHeight];
        forRowBlocks(outHeight, (from, to) -> horizontalPass(mid, inWidth, horizontal, out, from, to));
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

    /** Output rows [from, to) of the vertical pass: weighted sums of whole input rows into float planes. */
    private static void verticalPass(int[] rgb, int width, AxisWeights w, float[][] mid, int from, int to) {
        for (int o = from; o < to; o++) {
            int base = o * w.maxTaps;
            int midRow = o * width;
            for (int k = 0, n = w.taps[o]; k < n; k++) {
                int inRow = (w.first[o] + k) * width;
                float weight = w.weights[base + k];
                if (k == 0) {
                    unpackRow(rgb, inRow, mid, midRow, width, weight);
                } else {
                    accumulateRow(rgb, inRow, mid, midRow, width, weight);
                }
            }
        }
    }

    private static void unpackRow(int[] rgb, int inRow, float[][] mid, int midRow, int width, float weight) {
        float[] red = mid[0];
        float[] green = mid[1];
        float[] blue = mid[2];
        for (int x = 0; x < width; x++) {
            int p = rgb[inRow + x];
            red[midRow + x] = weight * ((p >> 16) & 0xFF);
            green[midRow + x] = weight * ((p >> 8) & 0xFF);
            blue[midRow + x] = weight * (p & 0xFF);
        }
    }

    private static void accumulateRow(int[] rgb, int inRow, float[][] mid, int midRow, int width, float weight) {
        float[] red = mid[0];
        float[] green = mid[1];
        float[] blue = mid[2];
        for (int x = 0; x < width; x++) {
            int p = rgb[inRow + x];
            red[midRow + x] += weight * ((p >> 16) & 0xFF);
            green[midRow + x] += weight * ((p >> 8) & 0xFF);
            blue[midRow + x] += weight * (p & 0xFF);
        }
    }

    /** Rows [from, to) of the horizontal pass: taps over the float planes, then round and pack. */
    private static void horizontalPass(float[][] mid, int inWidth, AxisWeights w, int[] out, int from, int to) {
        for (int y = from; y < to; y++) {
            int inRow = y * inWidth;
            int outRow = y * w.outLength;
            packRow(mid, inRow, w, out, outRow);
        }
    }

    private static void packRow(float[][] mid, int inRow, AxisWeights w, int[] out, int outRow) {
        float[] red = mid[0];
        float[] green = mid[1];
        float[] blue = mid[2];
        int maxTaps = w.maxTaps;
        int[] first = w.first;
        int[] taps = w.taps;
        float[] weights = w.weights;
        for (int o = 0; o < w.outLength; o++) {
            int base = o * maxTaps;
            int index = inRow + first[o];
            float r = 0;
            float g = 0;
            float b = 0;
            for (int k = 0, n = taps[o]; k < n; k++) {
                float weight = weights[base + k];
                r += weight * red[index + k];
                g += weight * green[index + k];
                b += weight * blue[index + k];
            }
            out[outRow + o] = 0xFF000000 | (to8Bit(r) << 16) | (to8Bit(g) << 8) | to8Bit(b);
        }
    }

    private static int to8Bit(float value) {
        int rounded = (int) (value + 0.5f);
        return rounded < 0 ? 0 : Math.min(rounded, 255);
    }
}
