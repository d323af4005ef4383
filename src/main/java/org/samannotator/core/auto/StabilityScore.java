package org.samannotator.core.auto;

/**
 * segment-anything's {@code calculate_stability_score}: the IoU of the masks obtained by thresholding the
 * logits at {@code threshold + offset} and {@code threshold - offset}. The first is contained in the second,
 * so the IoU is the ratio of their pixel counts; 0/0 (no pixel above the low cut) gives NaN, as in PyTorch,
 * which no threshold keeps.
 */
public final class StabilityScore {
    private StabilityScore() {
    }

    /** From the two pixel counts: {@code countAboveHigh / countAboveLow}. */
    public static double fromCounts(long countAboveHigh, long countAboveLow) {
        return (double) countAboveHigh / countAboveLow;
    }

    /**
     * Over a window of a row-major logit plane (used for the low-res 256x256 logits, where only the top-left
     * part that maps to the image is counted).
     *
     * @param logits float32 row-major [rowStride * rows]
     * @param offset index of the plane's first value in {@code logits}
     */
    public static double ofWindow(float[] logits, int offset, int rowStride, int width, int height,
            float threshold, float thresholdOffset) {
        float high = threshold + thresholdOffset;
        float low = threshold - thresholdOffset;
        long above = 0;
        long union = 0;
        for (int y = 0; y < height; y++) {
            int base = offset + y * rowStride;
            for (int x = 0; x < width; x++) {
                float v = logits[base + x];
                if (v > high) {
                    above++;
                }
                if (v > low) {
                    union++;
                }
            }
        }
        return fromCounts(above, union);
    }
}
