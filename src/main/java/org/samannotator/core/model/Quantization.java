package org.samannotator.core.model;

import java.util.List;

/**
 * How a derived model's files are computed from its parent's: {@code scheme} names a
 * {@link org.samannotator.core.onnx.QuantizationScheme} (e.g. {@code dynamic-int8-per-column}), {@code parts}
 * lists which files are quantized ({@code "encoder"}, {@code "decoder"}).
 */
public record Quantization(String scheme, List<String> parts) {
    public static final String ENCODER = "encoder";
    public static final String DECODER = "decoder";

    public Quantization {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public boolean covers(String part) {
        return parts.contains(part);
    }
}
