package org.samannotator.core.onnx;

import com.google.protobuf.UnknownFieldSet;
import java.util.Optional;

/**
 * How a MatMul or Gemm node uses its weight: Y = alpha * A * op(B) + beta * C, op(B) = B^T when
 * {@code transposed} (Gemm transB=1, B stored [N, K]).
 */
record ProductForm(boolean transposed, float alpha, float beta) {
    static final ProductForm MATMUL = new ProductForm(false, 1f, 1f);

    /** The form of a Gemm node, or empty when it transposes A (not expressible as DynamicQuantizeMatMul). */
    static Optional<ProductForm> ofGemm(UnknownFieldSet node) {
        if (NodeAttributes.intValue(node, "transA", 0) != 0) {
            return Optional.empty();
        }
        return Optional.of(new ProductForm(NodeAttributes.intValue(node, "transB", 0) != 0,
                NodeAttributes.floatValue(node, "alpha", 1f), NodeAttributes.floatValue(node, "beta", 1f)));
    }
}
