package org.samannotator.core.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A float32 weight tensor read from an ONNX TensorProto (graph initializer).
 *
 * @param name the initializer's name
 * @param dims its shape, outermost first (a rank-2 MatMul weight is [K, N] = [rows, columns])
 * @param values its elements in row-major order (length = product of dims)
 */
record FloatWeight(String name, long[] dims, float[] values) {

    /** The tensor as a float weight, or empty when it is not float32 or keeps its data in an external file. */
    static Optional<FloatWeight> read(UnknownFieldSet tensor) {
        List<Long> typeValues = tensor.getField(OnnxFields.TENSOR_DATA_TYPE).getVarintList();
        if (typeValues.isEmpty() || typeValues.get(0) != OnnxFields.DATA_TYPE_FLOAT
                || !tensor.getField(OnnxFields.TENSOR_EXTERNAL_DATA).getLengthDelimitedList().isEmpty()) {
            return Optional.empty();
        }
        long[] dims = dims(tensor);
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        float[] values = floats(tensor);
        if (values.length != count) {
            return Optional.empty();
        }
        return Optional.of(new FloatWeight(OnnxFields.string(tensor, OnnxFields.TENSOR_NAME), dims, values));
    }

    int rank() {
        return dims.length;
    }

    private static long[] dims(UnknownFieldSet tensor) {
        UnknownFieldSet.Field field = tensor.getField(OnnxFields.TENSOR_DIMS);
        List<Long> dims = new ArrayList<>(field.getVarintList());
        for (ByteString packed : field.getLengthDelimitedList()) {
            var in = packed.newCodedInput();
            try {
                while (!in.isAtEnd()) {
                    dims.add(in.readInt64());
                }
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("malformed packed dims of a tensor", e);
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static float[] floats(UnknownFieldSet tensor) {
        List<ByteString> raw = tensor.getField(OnnxFields.TENSOR_RAW_DATA).getLengthDelimitedList();
        if (!raw.isEmpty()) {
            return littleEndianFloats(raw.get(0));
        }
        UnknownFieldSet.Field data = tensor.getField(OnnxFields.TENSOR_FLOAT_DATA);
        if (!data.getLengthDelimitedList().isEmpty()) {
            return littleEndianFloats(data.getLengthDelimitedList().get(0));
        }
        List<Integer> unpacked = data.getFixed32List();
        float[] values = new float[unpacked.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat(unpacked.get(i));
        }
        return values;
    }

    private static float[] littleEndianFloats(ByteString bytes) {
        FloatBuffer buffer = bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    /** A float32 TensorProto with raw little-endian data. */
    static ByteString floatTensor(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return tensor(name, dims, OnnxFields.DATA_TYPE_FLOAT, ByteString.copyFrom(raw.array()));
    }

    /** An int8 TensorProto with raw data. */
    static ByteString int8Tensor(String name, long[] dims, byte[] values) {
        return tensor(name, dims, OnnxFields.DATA_TYPE_INT8, ByteString.copyFrom(values));
    }

    private static ByteString tensor(String name, long[] dims, int dataType, ByteString raw) {
        UnknownFieldSet.Field.Builder dimField = UnknownFieldSet.Field.newBuilder();
        for (long d : dims) {
            dimField.addVarint(d);
        }
        return UnknownFieldSet.newBuilder()
                .addField(OnnxFields.TENSOR_DIMS, dimField.build())
                .addField(OnnxFields.TENSOR_DATA_TYPE, OnnxFields.varintField(dataType))
                .addField(OnnxFields.TENSOR_NAME, OnnxFields.stringField(List.of(name)))
                .addField(OnnxFields.TENSOR_RAW_DATA, UnknownFieldSet.Field.newBuilder().addLengthDelimited(raw).build())
                .build().toByteString();
    }
}
