package org.samannotator.core.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.List;
import java.util.Optional;

/** Reads attributes (AttributeProto) of an ONNX NodeProto held as an {@link UnknownFieldSet}. */
final class NodeAttributes {
    private NodeAttributes() {
    }

    static long intValue(UnknownFieldSet node, String name, long fallback) {
        return attribute(node, name).map(a -> a.getField(OnnxFields.ATTRIBUTE_INT).getVarintList())
                .filter(values -> !values.isEmpty()).map(values -> values.get(0)).orElse(fallback);
    }

    static float floatValue(UnknownFieldSet node, String name, float fallback) {
        return attribute(node, name).map(a -> a.getField(OnnxFields.ATTRIBUTE_FLOAT).getFixed32List())
                .filter(values -> !values.isEmpty()).map(values -> Float.intBitsToFloat(values.get(0))).orElse(fallback);
    }

    /** True when any attribute holds a graph (If, Loop, Scan bodies), which may reference outer names. */
    static boolean hasSubgraph(UnknownFieldSet node) {
        for (UnknownFieldSet attribute : attributes(node)) {
            if (!attribute.getField(OnnxFields.ATTRIBUTE_GRAPH).getLengthDelimitedList().isEmpty()
                    || !attribute.getField(OnnxFields.ATTRIBUTE_GRAPHS).getLengthDelimitedList().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<UnknownFieldSet> attribute(UnknownFieldSet node, String name) {
        return attributes(node).stream()
                .filter(a -> OnnxFields.string(a, OnnxFields.ATTRIBUTE_NAME).equals(name)).findFirst();
    }

    private static List<UnknownFieldSet> attributes(UnknownFieldSet node) {
        return node.getField(OnnxFields.NODE_ATTRIBUTE).getLengthDelimitedList().stream()
                .map(NodeAttributes::parse).toList();
    }

    private static UnknownFieldSet parse(ByteString bytes) {
        try {
            return UnknownFieldSet.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("malformed node attribute: " + e.getMessage(), e);
        }
    }
}
