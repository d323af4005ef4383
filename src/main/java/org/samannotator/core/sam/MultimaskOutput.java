package org.samannotator.core.sam;

import org.samannotator.core.prompt.LowResMask;

/**
 * The decoder's multimask answer to one single-point prompt (no mask input), as segment-anything's
 * {@code predict_torch(..., multimask_output=True, return_logits=True)} gives it before upsampling.
 *
 * @param lowResLogits float32 [count * 256 * 256]: mask {@code i} occupies {@code [i*65536, (i+1)*65536)},
 *                     row-major (y then x), in the padded 1024 model frame scaled by 1/4
 * @param ious         float32 [count]: the model's predicted IoU of each mask
 * @param tokens       int [count]: the decoder's mask token of each mask (1, 2, 3 for the multimask output;
 *                     the single chosen token when the decoder exposes only one)
 */
public record MultimaskOutput(float[] lowResLogits, float[] ious, int[] tokens) {
    public static final int PLANE = LowResMask.SIZE * LowResMask.SIZE;

    public MultimaskOutput {
        if (ious.length != tokens.length || lowResLogits.length != ious.length * PLANE) {
            throw new IllegalArgumentException("multimask output needs count*65536 logits, count IoUs and tokens; got "
                    + lowResLogits.length + " logits, " + ious.length + " IoUs, " + tokens.length + " tokens");
        }
    }

    public int count() {
        return ious.length;
    }

    /** A copy of mask {@code i}'s low-res logits, float32 [256*256]. */
    public LowResMask mask(int i) {
        float[] plane = new float[PLANE];
        System.arraycopy(lowResLogits, i * PLANE, plane, 0, PLANE);
        return new LowResMask(plane);
    }
}
