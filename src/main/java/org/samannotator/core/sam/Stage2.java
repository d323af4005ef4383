package org.samannotator.core.sam;

import java.util.stream.IntStream;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.PixelRect;
import org.samannotator.core.prompt.LowResMask;

/** Stage 2 state: the stage-1 crop (cropWidth x cropHeight) and the taps to the original size. */
final class Stage2 {
    final float[] crop;
    final int cropWidth;
    final Taps xTaps;
    final Taps yTaps;
    /** Output x ranges [runStart[k], runStart[k+1]) sharing the same left source column runLo[k]. */
    final int[] runStart;

    private Stage2(float[] crop, int cropWidth, Taps xTaps, Taps yTaps) {
        this.crop = crop;
        this.cropWidth = cropWidth;
        this.xTaps = xTaps;
        this.yTaps = yTaps;
        this.runStart = runStarts(xTaps);
    }

    static Stage2 of(LowResMask lowRes, SamTransform transform) {
        Size resized = transform.resized();
        int target = transform.targetLength();
        float[] crop = MaskUpscaler.resizeBilinear(lowRes.logits(), LowResMask.SIZE, LowResMask.SIZE,
                target, target, resized.width(), resized.height());
        Size original = transform.original();
        return new Stage2(crop, resized.width(), Taps.of(resized.width(), original.width(), original.width()),
                Taps.of(resized.height(), original.height(), original.height()));
    }

    void verticalRow(int y, float[] row) {
        int lo = yTaps.lo()[y] * cropWidth;
        int hi = yTaps.hi()[y] * cropWidth;
        float w = yTaps.weight()[y];
        for (int j = 0; j < cropWidth; j++) {
            row[j] = crop[lo + j] * (1 - w) + crop[hi + j] * w;
        }
    }

    float horizontal(float[] row, int x) {
        float w = xTaps.weight()[x];
        return row[xTaps.lo()[x]] * (1 - w) + row[xTaps.hi()[x]] * w;
    }

    /**
     * Per crop row, the first and last column whose value is &gt; {@code low} ({@code [0][r] > [1][r]} when
     * none). Outside that span both source rows are &lt;= low, so every interpolated value is too.
     */
    int[][] spansAbove(float low) {
        int rows = crop.length / cropWidth;
        int[] first = new int[rows];
        int[] last = new int[rows];
        for (int r = 0; r < rows; r++) {
            int base = r * cropWidth;
            int f = 0;
            while (f < cropWidth && !(crop[base + f] > low)) {
                f++;
            }
            int l = cropWidth - 1;
            while (l >= f && !(crop[base + l] > low)) {
                l--;
            }
            first[r] = f;
            last[r] = l;
        }
        return new int[][] {first, last};
    }

    /**
     * Output row {@code y}: sets its mask pixels (&gt; 0), visiting only the columns where a source value is
     * above 0 ({@code spans} of {@link #spansAbove}(0)) and their neighbours. Where both ends of a crop
     * interval are positive every pixel between them is (a convex combination), so such runs are set whole.
     */
    void boundedThresholdRow(int y, float[] row, int[][] spans, BitMask mask) {
        int lo = yTaps.lo()[y];
        int hi = yTaps.hi()[y];
        int first = Math.min(spans[0][lo], spans[0][hi]);
        int last = Math.max(spans[1][lo], spans[1][hi]);
        if (last < first) {
            return;
        }
        int from = Math.max(0, first - 1);
        int to = Math.min(cropWidth - 1, last + 1);
        float w = yTaps.weight()[y];
        int loBase = lo * cropWidth;
        int hiBase = hi * cropWidth;
        for (int j = from; j <= to; j++) {
            row[j] = crop[loBase + j] * (1 - w) + crop[hiBase + j] * w;
        }
        for (int k = firstRunWithLoAtLeast(from); k + 1 < runStart.length; k++) {
            int start = runStart[k];
            if (xTaps.lo()[start] > last) {
                break;
            }
            int stop = runStart[k + 1];
            float a = row[xTaps.lo()[start]];
            float b = row[xTaps.hi()[start]];
            if (a > 0f && b > 0f) {
                mask.setRun(y, start, stop, true);
            } else if (a > 0f || b > 0f) {
                for (int x = start; x < stop; x++) {
                    if (horizontal(row, x) > 0f) {
                        mask.set(x, y);
                    }
                }
            }
        }
    }

    /** The first run index whose left source column is &gt;= {@code column} (runs are sorted by it). */
    private int firstRunWithLoAtLeast(int column) {
        int lo = 0;
        int hi = runStart.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xTaps.lo()[runStart[mid]] < column) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int[] runStarts(Taps taps) {
        int n = taps.lo().length;
        int[] starts = new int[n + 1];
        int count = 0;
        for (int x = 0; x < n; x++) {
            if (x == 0 || taps.lo()[x] != taps.lo()[x - 1]) {
                starts[count++] = x;
            }
        }
        starts[count++] = n;
        return java.util.Arrays.copyOf(starts, count);
    }
}
