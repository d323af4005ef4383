package org.samannotator.core.onnx;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How {@link WeightQuantizer} stores MatMul/Gemm weights. Both are dynamic quantization: weights are int8
 * (symmetric, zero point 0, range [-127, 127]); activations are quantized to uint8 at run time by ONNX
 * Runtime's {@code com.microsoft.DynamicQuantizeMatMul}.
 */
public enum QuantizationScheme {
    /** One scale per output column of the [K, N] weight (max |w| of the column / 127). */
    INT8_PER_COLUMN("dynamic-int8-per-column", true),
    /** One scale for the whole weight tensor. */
    INT8_PER_TENSOR("dynamic-int8-per-tensor", false);

    private final String id;
    private final boolean perColumn;

    QuantizationScheme(String id, boolean perColumn) {
        this.id = id;
        this.perColumn = perColumn;
    }

    /** The name used in model manifests, e.g. {@code dynamic-int8-per-column}. */
    public String id() {
        return id;
    }

    boolean perColumn() {
        return perColumn;
    }

    /** The scheme with this manifest name; the message lists the known names otherwise. */
    public static QuantizationScheme fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown quantization '" + id + "' (known: "
                        + Arrays.stream(values()).map(QuantizationScheme::id).collect(Collectors.joining(", ")) + ")"));
    }
}
