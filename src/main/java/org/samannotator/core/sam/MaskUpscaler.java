package org.samannotator.core.sam;

import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.prompt.LowResMask;

/**
 * SAM's mask post-processing in Java ({@code Sam.postprocess_masks}): low-res logits [256, 256] (model frame
 * / 4) -> bilinear to 1024x1024 -> crop to the resized image size -> bilinear to the original size ->
 * threshold at 0. Bilinear is PyTorch's {@code align_corners=False} (half-pixel centres, edge clamp).
 *
 * <p>Both resizes are separable, so this computes only the cropped part of the 1024 map (two passes) and
 * then the original-size mask (two passes), with precomputed indices and weights.
 */
public final class MaskUpscaler {
    private static final int ROWS_PER_BAND = 64;

    private MaskUpscaler() {
    }

    /** Logits at original size, row-major [height][width]; threshold them at 0 for the mask. */
    public static float[] upscaleLogits(LowResMask lowRes, SamTransform transform) {
        Size resized = transform.resized();
        int target = transform.targetLength();
        // Stage 1: 256 -> 1024 (only the resized crop is kept).
        float[] model = resizeBilinear(lowRes.logits(), LowResMask.SIZE, LowResMask.SIZE,
                target, target, resized.width(), resized.height());
        // Stage 2: crop (w_r x h_r) -> original.
        Size original = transform.original();
        return resizeBilinear(model, resized.width(), resized.height(), original.width(), original.height(),
                original.width(), original.height());
    }

    /**
     * The binary mask at original size: upscaled logits &gt; 0. Same pixels as thresholding
     * {@link #upscaleLogits}, without materialising the width x height float map: each output row blends
     * two rows of the horizontally resized map, and where both are surely positive (or both &lt;= 0) the
     * blend's sign is known, so whole 64-pixel words are decided from precomputed sign bits and only the
     * pixels near the mask's edge are blended. Rows run in parallel in bands.
     */
    public static BitMask upscale(LowResMask lowRes, SamTransform transform) {
        Size resized = transform.resized();
        int target = transform.targetLength();
        float[] model = resizeBilinear(lowRes.logits(), LowResMask.SIZE, LowResMask.SIZE,
                target, target, resized.width(), resized.height());
        Size original = transform.original();
        int width = original.width();
        Taps xTaps = Taps.of(resized.width(), width, width);
        Taps yTaps = Taps.of(resized.height(), original.height(), original.height());
        float[] rows = horizontalPass(model, resized.width(), resized.height(), xTaps, width);
        RowSigns signs = RowSigns.of(rows, resized.height(), width);
        BitMask mask = new BitMask(original);
        // Bands of 64 rows start on 64-bit word boundaries (64 * width is a multiple of 64), so bands
        // running in parallel never write the same word of the mask.
        int bands = (original.height() + ROWS_PER_BAND - 1) / ROWS_PER_BAND;
        java.util.stream.IntStream.range(0, bands).parallel().forEach(band -> {
            long[] bits = new long[signs.words()];
            int end = Math.min(original.height(), (band + 1) * ROWS_PER_BAND);
            for (int y = band * ROWS_PER_BAND; y < end; y++) {
                thresholdRow(rows, signs, yTaps.lo[y], yTaps.hi[y], yTaps.weight[y], width, bits);
                mask.setRow(y, bits);
            }
        });
        return mask;
    }

    /**
     * Output row bits: {@code rows[lo] * (1 - w) + rows[hi] * w > 0}, decided per word from the sign bits
     * and blended (with exactly that float expression) only where the two source rows disagree.
     */
    private static void thresholdRow(float[] rows, RowSigns signs, int lo, int hi, float w, int width, long[] bits) {
        long[] positiveLo = signs.positive()[lo];
        long[] positiveHi = signs.positive()[hi];
        long[] nonPositiveLo = signs.nonPositive()[lo];
        long[] nonPositiveHi = signs.nonPositive()[hi];
        int loBase = lo * width;
        int hiBase = hi * width;
        for (int k = 0; k < bits.length; k++) {
            long set = positiveLo[k] & positiveHi[k];
            long undecided = ~(set | nonPositiveLo[k] & nonPositiveHi[k]);
            while (undecided != 0) {
                int bit = Long.numberOfTrailingZeros(undecided);
                int x = (k << 6) + bit;
                if (rows[loBase + x] * (1 - w) + rows[hiBase + x] * w > 0f) {
                    set |= 1L << bit;
                }
                undecided &= undecided - 1;
            }
            bits[k] = set;
        }
    }

    /**
     * Per row of the horizontally resized map, bit x set where the value is finite and at least
     * {@link Float#MIN_NORMAL} ({@code positive}: any blend with weights (1 - w, w), 0 &lt;= w &lt; 1, is then
     * &gt; 0) or where it is &lt;= 0 ({@code nonPositive}: the blend of two such is never &gt; 0). Bits past the
     * width count as non-positive, so they are never set.
     */
    private record RowSigns(long[][] positive, long[][] nonPositive, int words) {
        static RowSigns of(float[] rows, int height, int width) {
            int words = (width + 63) >>> 6;
            long[][] positive = new long[height][words];
            long[][] nonPositive = new long[height][words];
            java.util.stream.IntStream.range(0, height).parallel().forEach(r -> {
                int base = r * width;
                for (int x = 0; x < width; x++) {
                    float v = rows[base + x];
                    if (v >= Float.MIN_NORMAL && v <= Float.MAX_VALUE) {
                        positive[r][x >>> 6] |= 1L << x;
                    } else if (v <= 0f) {
                        nonPositive[r][x >>> 6] |= 1L << x;
                    }
                }
                if ((width & 63) != 0) {
                    nonPositive[r][words - 1] |= -1L << (width & 63);
                }
            });
            return new RowSigns(positive, nonPositive, words);
        }
    }

    /**
     * Bilinear resize of {@code src} (srcW x srcH) to a virtual (dstW x dstH) grid, returning only its
     * top-left (keepW x keepH) part.
     */
    static float[] resizeBilinear(float[] src, int srcW, int srcH, int dstW, int dstH, int keepW, int keepH) {
        Taps xTaps = Taps.of(srcW, dstW, keepW);
        Taps yTaps = Taps.of(srcH, dstH, keepH);
        float[] rows = horizontalPass(src, srcW, srcH, xTaps, keepW);
        float[] out = new float[keepW * keepH];
        for (int y = 0; y < keepH; y++) {
            int lo = yTaps.lo[y] * keepW;
            int hi = yTaps.hi[y] * keepW;
            float w = yTaps.weight[y];
            int outBase = y * keepW;
            for (int x = 0; x < keepW; x++) {
                out[outBase + x] = rows[lo + x] * (1 - w) + rows[hi + x] * w;
            }
        }
        return out;
    }

    /** Resizes every row of {@code src} (srcW x srcH) horizontally to {@code keepW} columns. */
    private static float[] horizontalPass(float[] src, int srcW, int srcH, Taps xTaps, int keepW) {
        float[] rows = new float[srcH * keepW];
        for (int y = 0; y < srcH; y++) {
            int rowBase = y * srcW;
            int outBase = y * keepW;
            for (int x = 0; x < keepW; x++) {
                float w = xTaps.weight[x];
                rows[outBase + x] = src[rowBase + xTaps.lo[x]] * (1 - w) + src[rowBase + xTaps.hi[x]] * w;
            }
        }
        return rows;
    }

    /** Source indices and weights of each output position for align_corners=False bilinear. */
    private record Taps(int[] lo, int[] hi, float[] weight) {
        static Taps of(int inSize, int outSize, int keep) {
            int[] lo = new int[keep];
            int[] hi = new int[keep];
            float[] weight = new float[keep];
            double scale = (double) inSize / outSize;
            for (int i = 0; i < keep; i++) {
                double src = Math.max(0, (i + 0.5) * scale - 0.5);
                int i0 = Math.min((int) src, inSize - 1);
                lo[i] = i0;
                hi[i] = Math.min(i0 + 1, inSize - 1);
                weight[i] = (float) (src - i0);
            }
            return new Taps(lo, hi, weight);
        }
    }
}
