package org.samannotator.core.embedding;

import org.samannotator.core.geometry.Size;

/**
 * The encoder's output for one image, as plain data: float32 values of shape [1, 256, 64, 64] (NCHW,
 * row-major) plus the original image size they were computed for. This is what the on-disk cache stores.
 */
public record EmbeddingData(String modelId, Size originalSize, float[] values) {
    public static final int CHANNELS = 256;
    public static final int GRID = 64;
    public static final int VALUE_COUNT = CHANNELS * GRID * GRID;

    public EmbeddingData {
        if (values.length != VALUE_COUNT) {
            throw new IllegalArgumentException("embedding must have " + VALUE_COUNT + " values, got " + values.length);
        }
    }
}
