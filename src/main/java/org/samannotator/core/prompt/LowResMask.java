package org.samannotator.core.prompt;

import java.util.Arrays;

/**
 * SAM's low-resolution mask logits, float32 [1,1,256,256] row-major (y then x), in the padded 1024 model
 * frame scaled by 1/4. Fed back as mask_input so later clicks refine the previous result.
 */
public record LowResMask(float[] logits) {
    public static final int SIZE = 256;

    public LowResMask {
        if (logits.length != SIZE * SIZE) {
            throw new IllegalArgumentException("low-res mask must have 256*256 values, got " + logits.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LowResMask other && Arrays.equals(logits, other.logits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(logits);
    }
}
