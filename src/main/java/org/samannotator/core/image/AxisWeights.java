package org.samannotator.core.image;

/**
 * Precomputed 1-D resampling weights for one axis: output sample {@code o} is
 * {@code sum_k weights[o * maxTaps + k] * input[first[o] + k]} for {@code k < taps[o]}; weights are
 * non-negative and sum to 1 for every output.
 *
 * <p>Shrinking uses area averaging (a box filter over the exact fractional footprint
 * {@code [o * in/out, (o + 1) * in/out)}, like OpenCV INTER_AREA / PIL BOX). Enlarging uses bilinear
 * interpolation with half-pixel centres ({@code src = (o + 0.5) * in/out - 0.5}, clamped at the edges,
 * like PIL BILINEAR / torchvision resize). Equal lengths give the identity.
 */
final class AxisWeights {
    final int outLength;
    final int maxTaps;
    final int[] first;
    final int[] taps;
    final float[] weights;

    private AxisWeights(int outLength, int maxTaps) {
        this.outLength = outLength;
        this.maxTaps = maxTaps;
        this.first = new int[outLength];
        this.taps = new int[outLength];
        this.weights = new float[outLength * maxTaps];
    }

    static AxisWeights of(int inLength, int outLength) {
        if (inLength <= 0 || outLength <= 0) {
            throw new IllegalArgumentException("lengths must be positive: " + inLength + " -> " + outLength);
        }
        return outLength < inLength ? area(inLength, outLength) : bilinear(inLength, outLength);
    }

    private static AxisWeights area(int inLength, int outLength) {
        double footprint = (double) inLength / outLength;
        // +2: a footprint of length f touches at most ceil(f) + 1 pixels, plus one for rounding at the ends
        AxisWeights w = new AxisWeights(outLength, (int) Math.ceil(footprint) + 2);
        for (int o = 0; o < outLength; o++) {
            double start = o * footprint;
            double end = Math.min((o + 1) * footprint, inLength);
            int firstIndex = (int) Math.floor(start);
            int lastIndex = Math.min((int) Math.ceil(end) - 1, inLength - 1);
            double[] overlaps = new double[lastIndex - firstIndex + 1];
            double total = 0;
            for (int i = firstIndex; i <= lastIndex; i++) {
                double overlap = Math.min(end, i + 1) - Math.max(start, i);
                overlaps[i - firstIndex] = Math.max(overlap, 0);
                total += overlaps[i - firstIndex];
            }
            w.set(o, firstIndex, overlaps, total);
        }
        return w;
    }

    private static AxisWeights bilinear(int inLength, int outLength) {
        double scale = (double) inLength / outLength;
        AxisWeights w = new AxisWeights(outLength, 2);
        for (int o = 0; o < outLength; o++) {
            double source = Math.min(Math.max((o + 0.5) * scale - 0.5, 0), inLength - 1);
            int left = (int) Math.floor(source);
            double fraction = source - left;
            if (left + 1 < inLength && fraction > 0) {
                w.set(o, left, new double[] {1 - fraction, fraction}, 1);
            } else {
                w.set(o, left, new double[] {1}, 1);
            }
        }
        return w;
    }

    private void set(int o, int firstIndex, double[] raw, double total) {
        first[o] = firstIndex;
        taps[o] = raw.length;
        for (int k = 0; k < raw.length; k++) {
            weights[o * maxTaps + k] = (float) (raw[k] / total);
        }
    }
}
