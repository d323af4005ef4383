package org.samannotator.core.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightQuantizerTest {

    @Test
    void sameInputGivesSameBytes() throws Exception {
        byte[] model = TinyOnnxModels.matMulGemmModel(7);
        byte[] first = WeightQuantizer.quantize(model, QuantizationScheme.INT8_PER_COLUMN).modelBytes();
        byte[] second = WeightQuantizer.quantize(model.clone(), QuantizationScheme.INT8_PER_COLUMN).modelBytes();
        assertArrayEquals(first, second);
        assertFalse(java.util.Arrays.equals(first,
                WeightQuantizer.quantize(model, QuantizationScheme.INT8_PER_TENSOR).modelBytes()));
    }

    @Test
    void replacesMatMulAndGemmWithWeightsButNotSmallProducts() throws Exception {
        WeightQuantizer.QuantizedModel quantized = WeightQuantizer.quantize(TinyOnnxModels.matMulGemmModel(1),
                QuantizationScheme.INT8_PER_COLUMN);
        assertEquals(2, quantized.quantizedNodes());
        assertEquals(32 * 24 + 24 * 8, quantized.quantizedWeights());
        UnknownFieldSet graph = graphOf(quantized.modelBytes());
        List<String> ops = new ArrayList<>();
        for (ByteString node : graph.getField(OnnxFields.GRAPH_NODE).getLengthDelimitedList()) {
            UnknownFieldSet parsed = UnknownFieldSet.parseFrom(node);
            ops.add(OnnxFields.string(parsed, OnnxFields.NODE_DOMAIN) + ":" + OnnxFields.string(parsed, OnnxFields.NODE_OP_TYPE));
        }
        assertEquals(List.of("com.microsoft:DynamicQuantizeMatMul", "com.microsoft:DynamicQuantizeMatMul", ":MatMul"), ops);
        List<String> initializers = new ArrayList<>();
        for (ByteString tensor : graph.getField(OnnxFields.GRAPH_INITIALIZER).getLengthDelimitedList()) {
            initializers.add(OnnxFields.string(UnknownFieldSet.parseFrom(tensor), OnnxFields.TENSOR_NAME));
        }
        assertFalse(initializers.contains("W1"), "the float weight is dropped once nothing uses it");
        assertFalse(initializers.contains("W2"));
        assertFalse(initializers.contains("C"), "Gemm beta=2 folds into a new bias; the old one is unused");
        assertTrue(initializers.containsAll(List.of("Q", "W1_int8", "W1_scale", "W1_zero_point", "W2_int8", "Y_bias")));
        assertTrue(opsetDomains(quantized.modelBytes()).contains("com.microsoft"));
    }

    @Test
    void int8WeightReconstructsWithinHalfAStepPerColumn() {
        Random random = new Random(3);
        int rows = 40;
        int columns = 6;
        float[] w = TinyOnnxModels.gaussian(random, rows * columns);
        for (int k = 0; k < rows; k++) {
            w[k * columns + 2] *= 100; // one column with a much larger range
        }
        Int8Weight int8 = Int8Weight.quantize(w, rows, columns, false, 1f, true);
        for (int k = 0; k < rows; k++) {
            for (int n = 0; n < columns; n++) {
                float restored = int8.values()[k * columns + n] * int8.scales()[n];
                assertEquals(w[k * columns + n], restored, int8.scales()[n] / 2 + 1e-6f);
            }
        }
        assertTrue(int8.scales()[0] < int8.scales()[2] / 20, "small columns keep their own fine scale");
    }

    @Test
    void transposedWeightIsStoredAsRowsByColumns() {
        float[] nk = {1, 2, 3, 4, 5, 6}; // [N=2, K=3]
        Int8Weight int8 = Int8Weight.quantize(nk, 3, 2, true, 1f, false);
        float scale = int8.scales()[0];
        float[] expectedKn = {1, 4, 2, 5, 3, 6};
        for (int i = 0; i < expectedKn.length; i++) {
            assertEquals(expectedKn[i], int8.values()[i] * scale, scale / 2);
        }
    }

    @Test
    void notAModelIsReported() {
        assertThrows(InvalidProtocolBufferException.class,
                () -> WeightQuantizer.quantize(new byte[] {(byte) 0xff, 1, 2}, QuantizationScheme.INT8_PER_COLUMN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuantizationScheme.fromId("int4"));
        assertTrue(e.getMessage().contains("dynamic-int8-per-column"), e.getMessage());
    }

    private static UnknownFieldSet graphOf(byte[] model) throws InvalidProtocolBufferException {
        return UnknownFieldSet.parseFrom(UnknownFieldSet.parseFrom(model).getField(OnnxFields.MODEL_GRAPH)
                .getLengthDelimitedList().get(0));
    }

    private static List<String> opsetDomains(byte[] model) throws InvalidProtocolBufferException {
        List<String> domains = new ArrayList<>();
        for (ByteString opset : UnknownFieldSet.parseFrom(model).getField(OnnxFields.MODEL_OPSET_IMPORT)
                .getLengthDelimitedList()) {
            domains.add(OnnxFields.string(UnknownFieldSet.parseFrom(opset), OnnxFields.OPSET_DOMAIN));
        }
        return domains;
    }
}
