package org.samannotator.core.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.List;

/**
 * Field numbers of the ONNX protobuf schema (onnx.proto) and small helpers to read and build its messages
 * with protobuf-java's {@link UnknownFieldSet}, so no generated ONNX classes are needed. UnknownFieldSet
 * keeps fields sorted by number, so serializing the same content always gives the same bytes.
 */
final class OnnxFields {
    static final int MODEL_OPSET_IMPORT = 8;
    static final int MODEL_GRAPH = 7;
    static final int OPSET_DOMAIN = 1;
    static final int OPSET_VERSION = 2;

    static final int GRAPH_NODE = 1;
    static final int GRAPH_INITIALIZER = 5;
    static final int GRAPH_INPUT = 11;
    static final int GRAPH_OUTPUT = 12;

    static final int NODE_INPUT = 1;
    static final int NODE_OUTPUT = 2;
    static final int NODE_NAME = 3;
    static final int NODE_OP_TYPE = 4;
    static final int NODE_ATTRIBUTE = 5;
    static final int NODE_DOMAIN = 7;

    static final int ATTRIBUTE_NAME = 1;
    static final int ATTRIBUTE_FLOAT = 2;
    static final int ATTRIBUTE_INT = 3;
    static final int ATTRIBUTE_GRAPH = 6;
    static final int ATTRIBUTE_GRAPHS = 11;

    static final int VALUE_INFO_NAME = 1;

    static final int TENSOR_DIMS = 1;
    static final int TENSOR_DATA_TYPE = 2;
    static final int TENSOR_FLOAT_DATA = 4;
    static final int TENSOR_NAME = 8;
    static final int TENSOR_RAW_DATA = 9;
    static final int TENSOR_EXTERNAL_DATA = 13;

    /** TensorProto.DataType values used here. */
    static final int DATA_TYPE_FLOAT = 1;
    static final int DATA_TYPE_INT8 = 3;

    private OnnxFields() {
    }

    static UnknownFieldSet parse(ByteString bytes) throws InvalidProtocolBufferException {
        return UnknownFieldSet.parseFrom(bytes);
    }

    /** All values of a repeated string field, in order. */
    static List<String> strings(UnknownFieldSet message, int field) {
        return message.getField(field).getLengthDelimitedList().stream().map(ByteString::toStringUtf8).toList();
    }

    /** The first value of a string field, or "" when absent. */
    static String string(UnknownFieldSet message, int field) {
        List<ByteString> values = message.getField(field).getLengthDelimitedList();
        return values.isEmpty() ? "" : values.get(0).toStringUtf8();
    }

    static UnknownFieldSet.Field stringField(List<String> values) {
        UnknownFieldSet.Field.Builder field = UnknownFieldSet.Field.newBuilder();
        values.forEach(v -> field.addLengthDelimited(ByteString.copyFromUtf8(v)));
        return field.build();
    }

    static UnknownFieldSet.Field messageField(List<ByteString> messages) {
        UnknownFieldSet.Field.Builder field = UnknownFieldSet.Field.newBuilder();
        messages.forEach(field::addLengthDelimited);
        return field.build();
    }

    static UnknownFieldSet.Field varintField(long value) {
        return UnknownFieldSet.Field.newBuilder().addVarint(value).build();
    }

    /** Replaces every value of {@code field} in {@code message} by {@code values}. */
    static UnknownFieldSet withField(UnknownFieldSet message, int field, UnknownFieldSet.Field values) {
        return message.toBuilder().clearField(field).addField(field, values).build();
    }
}
