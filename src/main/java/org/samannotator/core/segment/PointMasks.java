package org.samannotator.core.segment;

import org.samannotator.core.prompt.LowResMask;

/**
 * The model's multimask answer to one single foreground point, before upsampling, as SAM's automatic mask
 * generator needs it: per mask the low-res logits (the padded 1024 model frame / 4, 256x256, row-major; mask
 * {@code i} at {@code [i*65536, (i+1)*65536)}), the predicted IoU and the decoder's mask token (1-3 = whole /
 * part / subpart). The stability score is computed from these logits.
 */
public record PointMasks(float[] lowResLogits, float[] ious, int[] tokens) {
    public static final int PLANE = LowResMask.SIZE * LowResMask.SIZE;

    public PointMasks {
        if (ious.length != tokens.length || lowResLogits.length != ious.length * PLANE) {
            throw new IllegalArgumentException("point masks need count*65536 logits, count IoUs and tokens; got "
                    + lowResLogits.length + " logits, " + ious.length + " IoUs, " + tokens.length + " tokens");
        }
    }

    public int count() {
        return ious.length;
    }
}
