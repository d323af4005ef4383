package org.samannotator.core.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds small ONNX models as protobuf bytes for tests (field numbers from onnx.proto), with seeded random
 * weights: {@code Y = Gemm(MatMul(X, W1), W2, C; transB=1, alpha=0.5, beta=2)} and {@code Z = MatMul(S, Q)},
 * where X is [3, 32], W1 [32, 24], W2 [8, 24] (transposed), C [8], S [3, 4], Q [4, 5] (K=4: stays float).
 */
public final class TinyOnnxModels {
    public static final int ROWS = 3;
    public static final int X_FEATURES = 32;
    public static final int Y_FEATURES = 8;
    public static final int S_FEATURES = 4;
    public static final int Z_FEATURES = 5;

    private TinyOnnxModels() {
    }

    /** The model bytes; the same seed gives the same bytes. */
    public static byte[] matMulGemmModel(long seed) {
        Random random = new Random(seed);
        List<ByteString> initializers = List.of(
                FloatWeight.floatTensor("W1", new long[] {X_FEATURES, 24}, gaussian(random, X_FEATURES * 24)),
                FloatWeight.floatTensor("W2", new long[] {Y_FEATURES, 24}, gaussian(random, Y_FEATURES * 24)),
                FloatWeight.floatTensor("C", new long[] {Y_FEATURES}, gaussian(random, Y_FEATURES)),
                FloatWeight.floatTensor("Q", new long[] {S_FEATURES, Z_FEATURES}, gaussian(random, S_FEATURES * Z_FEATURES)));
        List<ByteString> nodes = List.of(
                node("MatMul", "first", List.of("X", "W1"), List.of("H"), List.of()),
                node("Gemm", "second", List.of("H", "W2", "C"), List.of("Y"),
                        List.of(intAttribute("transB", 1), floatAttribute("alpha", 0.5f), floatAttribute("beta", 2f))),
                node("MatMul", "small", List.of("S", "Q"), List.of("Z"), List.of()));
        UnknownFieldSet graph = UnknownFieldSet.newBuilder()
                .addField(OnnxFields.GRAPH_NODE, OnnxFields.messageField(nodes))
                .addField(2, OnnxFields.stringField(List.of("tiny")))
                .addField(OnnxFields.GRAPH_INITIALIZER, OnnxFields.messageField(initializers))
                .addField(OnnxFields.GRAPH_INPUT, OnnxFields.messageField(List.of(
                        floatValueInfo("X", ROWS, X_FEATURES), floatValueInfo("S", ROWS, S_FEATURES))))
                .addField(OnnxFields.GRAPH_OUTPUT, OnnxFields.messageField(List.of(
                        floatValueInfo("Y", ROWS, Y_FEATURES), floatValueInfo("Z", ROWS, Z_FEATURES))))
                .build();
        UnknownFieldSet opset = UnknownFieldSet.newBuilder()
                .addField(OnnxFields.OPSET_DOMAIN, OnnxFields.stringField(List.of("")))
                .addField(OnnxFields.OPSET_VERSION, OnnxFields.varintField(17)).build();
        return UnknownFieldSet.newBuilder()
                .addField(1, OnnxFields.varintField(8))
                .addField(OnnxFields.MODEL_GRAPH, OnnxFields.messageField(List.of(graph.toByteString())))
                .addField(OnnxFields.MODEL_OPSET_IMPORT, OnnxFields.messageField(List.of(opset.toByteString())))
                .build().toByteArray();
    }

    /** Seeded N(0, 1) floats. */
    public static float[] gaussian(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static ByteString node(String op, String name, List<String> inputs, List<String> outputs,
            List<ByteString> attributes) {
        UnknownFieldSet.Builder node = UnknownFieldSet.newBuilder()
                .addField(OnnxFields.NODE_INPUT, OnnxFields.stringField(inputs))
                .addField(OnnxFields.NODE_OUTPUT, OnnxFields.stringField(outputs))
                .addField(OnnxFields.NODE_NAME, OnnxFields.stringField(List.of(name)))
                .addField(OnnxFields.NODE_OP_TYPE, OnnxFields.stringField(List.of(op)));
        if (!attributes.isEmpty()) {
            node.addField(OnnxFields.NODE_ATTRIBUTE, OnnxFields.messageField(attributes));
        }
        return node.build().toByteString();
    }

    private static ByteString intAttribute(String name, long value) {
        return UnknownFieldSet.newBuilder()
                .addField(OnnxFields.ATTRIBUTE_NAME, OnnxFields.stringField(List.of(name)))
                .addField(OnnxFields.ATTRIBUTE_INT, OnnxFields.varintField(value))
                .addField(20, OnnxFields.varintField(2)) // AttributeType INT
                .build().toByteString();
    }

    private static ByteString floatAttribute(String name, float value) {
        return UnknownFieldSet.newBuilder()
                .addField(OnnxFields.ATTRIBUTE_NAME, OnnxFields.stringField(List.of(name)))
                .addField(OnnxFields.ATTRIBUTE_FLOAT,
                        UnknownFieldSet.Field.newBuilder().addFixed32(Float.floatToIntBits(value)).build())
                .addField(20, OnnxFields.varintField(1)) // AttributeType FLOAT
                .build().toByteString();
    }

    /** ValueInfoProto {name, type: tensor(float)[rows, columns]}. */
    private static ByteString floatValueInfo(String name, long rows, long columns) {
        List<ByteString> dims = new ArrayList<>();
        for (long d : new long[] {rows, columns}) {
            dims.add(UnknownFieldSet.newBuilder().addField(1, OnnxFields.varintField(d)).build().toByteString());
        }
        UnknownFieldSet shape = UnknownFieldSet.newBuilder().addField(1, OnnxFields.messageField(dims)).build();
        UnknownFieldSet tensorType = UnknownFieldSet.newBuilder()
                .addField(1, OnnxFields.varintField(OnnxFields.DATA_TYPE_FLOAT))
                .addField(2, OnnxFields.messageField(List.of(shape.toByteString()))).build();
        UnknownFieldSet type = UnknownFieldSet.newBuilder()
                .addField(1, OnnxFields.messageField(List.of(tensorType.toByteString()))).build();
        return UnknownFieldSet.newBuilder()
                .addField(OnnxFields.VALUE_INFO_NAME, OnnxFields.stringField(List.of(name)))
                .addField(2, OnnxFields.messageField(List.of(type.toByteString())))
                .build().toByteString();
    }
}
