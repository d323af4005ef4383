package org.samannotator.core.sam;

import java.util.Optional;
import java.util.stream.IntStream;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.MaskView;
import org.samannotator.core.mask.PixelRect;
import org.samannotator.core.prompt.LowResMask;

/**
 * SAM's mask post-processing in Java ({@code Sam.postprocess_masks}): low-res logits [256, 256] (model frame
 * / 4) -> bilinear to 1024x1024 -> crop to the resized image size -> bilinear to the original size ->
 * threshold at 0. Bilinear is PyTorch's {@code align_corners=False} (half-pixel centres, edge clamp).
 *
 * <p>Stage 1 (256 -> the resized crop of 1024) is a small separable resize. Stage 2 (crop -> original)
 * interpolates each output row vertically from two crop rows, then horizontally; for the binary mask the
 * horizontal step works per crop interval: where both ends have the same sign every pixel between them
 * does too (a convex combination), so only intervals that cross zero are evaluated pixel by pixel and the
 * rest are set as runs of whole words. Both paths use the same formulas, so {@link #upscale} equals
 * thresholding {@link #upscaleLogits} exactly.
 */
public final class MaskUpscaler {
    /** 64 rows of any width start on a 64-bit word boundary, so bands never share a mask word. */
    private static final int ROWS_PER_BAND = 64;

    private MaskUpscaler() {
    }

    /** Logits at original size, row-major [height][width]; threshold them at 0 for the mask. */
    public static float[] upscaleLogits(LowResMask lowRes, SamTransform transform) {
        Stage2 stage = Stage2.of(lowRes, transform);
        int width = transform.original().width();
        float[] out = new float[(int) transform.original().area()];
        float[] row = new float[stage.cropWidth];
        for (int y = 0; y < transform.original().height(); y++) {
            stage.verticalRow(y, row);
            for (int x = 0; x < width; x++) {
                out[y * width + x] = stage.horizontal(row, x);
            }
        }
        return out;
    }

    /**
     * The binary mask at original size: upscaled logits &gt; 0, rows computed in parallel bands, each row only
     * over the crop columns where a source value is positive (and their neighbours).
     */
    public static BitMask upscale(LowResMask lowRes, SamTransform transform) {
        Stage2 stage = Stage2.of(lowRes, transform);
        Size original = transform.original();
        BitMask mask = new BitMask(original);
        int bands = (original.height() + ROWS_PER_BAND - 1) / ROWS_PER_BAND;
        int[][] spans = stage.spansAbove(0f);
        IntStream.range(0, bands).parallel().forEach(band -> {
            float[] row = new float[stage.cropWidth];
            int end = Math.min(original.height(), (band + 1) * ROWS_PER_BAND);
            for (int y = band * ROWS_PER_BAND; y < end; y++) {
                stage.boundedThresholdRow(y, row, spans, mask);
            }
        });
        return mask;
    }

    /**
     * The upscaled logit at one original pixel (x, y) (column, row), equal bit for bit to
     * {@code upscaleLogits(lowRes, transform)[y * width + x]}: the same taps and the same order of operations,
     * evaluated only at the 16 low-res values around that pixel. For checking a click against a candidate
     * without upscaling the whole mask.
     */
    public static float logitAt(LowResMask lowRes, SamTransform transform, int x, int y) {
        Size original = transform.original();
        if (x < 0 || y < 0 || x >= original.width() || y >= original.height()) {
            throw new IllegalArgumentException("pixel (" + x + ", " + y + ") is outside " + original);
        }
        Size resized = transform.resized();
        float[] src = lowRes.logits();
        int target = transform.targetLength();
        Taps tx = Taps.single(resized.width(), original.width(), x);
        Taps ty = Taps.single(resized.height(), original.height(), y);
        float wy = ty.weight()[0];
        float rowLo = cropAt(src, target, tx.lo()[0], ty.lo()[0]) * (1 - wy) + cropAt(src, target, tx.lo()[0], ty.hi()[0]) * wy;
        float rowHi = cropAt(src, target, tx.hi()[0], ty.lo()[0]) * (1 - wy) + cropAt(src, target, tx.hi()[0], ty.hi()[0]) * wy;
        float wx = tx.weight()[0];
        return rowLo * (1 - wx) + rowHi * wx;
    }

    /** Stage 1 ({@link #resizeBilinear} of 256 to target) at one crop pixel (cx, cy). */
    private static float cropAt(float[] src, int target, int cx, int cy) {
        int n = LowResMask.SIZE;
        Taps tx = Taps.single(n, target, cx);
        Taps ty = Taps.single(n, target, cy);
        float w = tx.weight()[0];
        float upper = src[ty.lo()[0] * n + tx.lo()[0]] * (1 - w) + src[ty.lo()[0] * n + tx.hi()[0]] * w;
        float lower = src[ty.hi()[0] * n + tx.lo()[0]] * (1 - w) + src[ty.hi()[0] * n + tx.hi()[0]] * w;
        float wy = ty.weight()[0];
        return upper * (1 - wy) + lower * wy;
    }

    /**
     * The mask of one window of the original image at an arbitrary output resolution (e.g. the visible part
     * at screen resolution), without computing the full-size mask. Output pixel (i, j) of the
     * {@code output.width() x output.height()} result is the full-size mask of {@link #upscale} at original
     * pixel (x, y) = (floor(wx + (i + 0.5) * ww / ow), floor(wy + (j + 0.5) * wh / oh)), the pixel holding
     * its footprint's centre, computed with the same bilinear chain and formulas; so at output size = window
     * size it equals that window of {@link #upscale} exactly, and it never differs from sampling it.
     *
     * @param window (x, y, width, height) in original pixels, inside the image
     * @param output the result's (width, height), any positive size (smaller: zoomed out, larger: zoomed in)
     */
    public static BitMask upscaleWindow(LowResMask lowRes, SamTransform transform, PixelRect window, Size output) {
        Size original = transform.original();
        if (window.width() <= 0 || window.height() <= 0 || window.x() < 0 || window.y() < 0
                || window.x() + window.width() > original.width() || window.y() + window.height() > original.height()) {
            throw new IllegalArgumentException("window " + window + " is empty or not inside the image " + original);
        }
        return sample(lowRes, transform, MaskView.centresOf(window.x(), window.width(), output.width()),
                MaskView.centresOf(window.y(), window.height(), output.height()));
    }

    /**
     * The full-size mask of {@link #upscale} at the grid of original pixels {@code xs} x {@code ys} (result
     * pixel (i, j) = mask(xs[i], ys[j])), computed with the same formulas at those pixels only.
     */
    public static BitMask sample(LowResMask lowRes, SamTransform transform, int[] xs, int[] ys) {
        return sample(Stage2.of(lowRes, transform), transform.original(), xs, ys);
    }

    static BitMask sample(Stage2 stage, Size original, int[] xs, int[] ys) {
        for (int x : xs) {
            if (x < 0 || x >= original.width()) {
                throw new IllegalArgumentException("column " + x + " is outside the image " + original);
            }
        }
        for (int y : ys) {
            if (y < 0 || y >= original.height()) {
                throw new IllegalArgumentException("row " + y + " is outside the image " + original);
            }
        }
        BitMask mask = new BitMask(new Size(xs.length, ys.length));
        float[] row = new float[stage.cropWidth];
        for (int j = 0; j < ys.length; j++) {
            if (j == 0 || ys[j] != ys[j - 1]) {
                stage.verticalRow(ys[j], row);
            }
            for (int i = 0; i < xs.length; i++) {
                if (stage.horizontal(row, xs[i]) > 0f) {
                    mask.set(i, j);
                }
            }
        }
        return mask;
    }

    /**
     * A rectangle in original pixels outside which {@link #upscale} sets no pixel, from the low-res cells
     * with a positive logit: bilinear interpolation is a convex combination of its two taps per axis, so an
     * output is positive only where a tap is, and each stage widens the cells' extent by at most its tap
     * reach (taken generously here). Empty when no low-res logit is positive.
     */
    public static Optional<PixelRect> positiveBounds(LowResMask lowRes, SamTransform transform) {
        int n = LowResMask.SIZE;
        float[] logits = lowRes.logits();
        int minX = n;
        int minY = n;
        int maxX = -1;
        int maxY = -1;
        Size resized = transform.resized();
        int target = transform.targetLength();
        // cells past the resized image (the encoder's padding) are cropped away by stage 1: skip them
        int columns = Math.min(n, (int) Math.ceil((double) resized.width() * n / target) + 1);
        int rows = Math.min(n, (int) Math.ceil((double) resized.height() * n / target) + 1);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                if (logits[y * n + x] > 0f) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return Optional.empty();
        }
        Size original = transform.original();
        int[] xs = reach(minX, maxX + 1, n, target, resized.width(), original.width());
        int[] ys = reach(minY, maxY + 1, n, target, resized.height(), original.height());
        if (xs[1] <= xs[0] || ys[1] <= ys[0]) {
            return Optional.empty();
        }
        return Optional.of(new PixelRect(xs[0], ys[0], xs[1] - xs[0], ys[1] - ys[0]));
    }

    /** [from, to) source cells -> a generous [from, to) in the output of stage 1 (to kept) then stage 2. */
    private static int[] reach(int from, int to, int lowRes, int target, int kept, int original) {
        double up = (double) target / lowRes;
        int cropFrom = Math.max(0, (int) Math.floor((from - 1) * up) - 1);
        int cropTo = Math.min(kept, (int) Math.ceil((to + 1) * up) + 1);
        double scale = (double) original / kept;
        int outFrom = Math.max(0, (int) Math.floor((cropFrom - 1) * scale) - 1);
        int outTo = Math.min(original, (int) Math.ceil((cropTo + 1) * scale) + 1);
        return new int[] {outFrom, outTo};
    }

    /**
     * Bilinear resize of {@code src} (srcW x srcH) to a virtual (dstW x dstH) grid, returning only its
     * top-left (keepW x keepH) part; horizontal pass first.
     */
    static float[] resizeBilinear(float[] src, int srcW, int srcH, int dstW, int dstH, int keepW, int keepH) {
        Taps xTaps = Taps.of(srcW, dstW, keepW);
        Taps yTaps = Taps.of(srcH, dstH, keepH);
        float[] rows = new float[srcH * keepW];
        for (int y = 0; y < srcH; y++) {
            int rowBase = y * srcW;
            int outBase = y * keepW;
            for (int x = 0; x < keepW; x++) {
                float w = xTaps.weight()[x];
                rows[outBase + x] = src[rowBase + xTaps.lo()[x]] * (1 - w) + src[rowBase + xTaps.hi()[x]] * w;
            }
        }
        float[] out = new float[keepW * keepH];
        for (int y = 0; y < keepH; y++) {
            int lo = yTaps.lo()[y] * keepW;
            int hi = yTaps.hi()[y] * keepW;
            float w = yTaps.weight()[y];
            int outBase = y * keepW;
            for (int x = 0; x < keepW; x++) {
                out[outBase + x] = rows[lo + x] * (1 - w) + rows[hi + x] * w;
            }
        }
        return out;
    }

}
