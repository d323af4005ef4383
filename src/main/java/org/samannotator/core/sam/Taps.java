package org.samannotator.core.sam;

import java.util.stream.IntStream;
import org.samannotator.core.geometry.SamTransform;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.mask.BitMask;
import org.samannotator.core.mask.PixelRect;
import org.samannotator.core.prompt.LowResMask;

/** Source indices and weights of each output position for align_corners=False bilinear. */
record Taps(int[] lo, int[] hi, float[] weight) {
    static Taps of(int inSize, int outSize, int keep) {
        return range(inSize, outSize, 0, keep);
    }

    /** The taps of output position {@code i} alone (index 0 of the result). */
    static Taps single(int inSize, int outSize, int i) {
        return range(inSize, outSize, i, i + 1);
    }

    private static Taps range(int inSize, int outSize, int from, int to) {
        int[] lo = new int[to - from];
        int[] hi = new int[to - from];
        float[] weight = new float[to - from];
        double scale = (double) inSize / outSize;
        for (int i = from; i < to; i++) {
            double src = Math.max(0, (i + 0.5) * scale - 0.5);
            int i0 = Math.min((int) src, inSize - 1);
            lo[i - from] = i0;
            hi[i - from] = Math.min(i0 + 1, inSize - 1);
            weight[i - from] = (float) (src - i0);
        }
        return new Taps(lo, hi, weight);
    }
}
