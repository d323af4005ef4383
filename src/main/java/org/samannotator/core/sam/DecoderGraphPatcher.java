package org.samannotator.core.sam;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashMap;

/**
 * Edits a single-mask SAM decoder export so it also returns all four mask tokens and their predicted IoUs.
 *
 * <p>The standard export computes masks for all four tokens and their IoU predictions, then an ArgMax over
 * the (re-weighted) IoUs feeds Gather nodes that pick one. This class finds, from the graph alone, the
 * data inputs of the Gather nodes indexed (directly or through Add/Cast/Unsqueeze) by the ArgMax output,
 * walks back through Flatten/Reshape-to-flat nodes to the 4-token tensors, and appends them to the graph
 * outputs (ValueInfo with a name only, which ONNX Runtime accepts). The ONNX protobuf is edited with
 * {@link UnknownFieldSet}, so no generated ONNX classes are needed.
 */
public final class DecoderGraphPatcher {
    // ONNX protobuf field numbers (onnx.proto3).
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_OP_TYPE = 4;
    private static final int VALUE_INFO_NAME = 1;
    private static final Set<String> INDEX_PASS_THROUGH = Set.of("Add", "Cast", "Unsqueeze", "Reshape", "Squeeze");
    private static final Set<String> DATA_PASS_THROUGH = Set.of("Flatten", "Reshape");

    private DecoderGraphPatcher() {
    }

    /** The patched model and the names of the extra outputs, in no particular order (shapes tell them apart). */
    public record PatchedDecoder(byte[] modelBytes, List<String> extraOutputs) {
    }

    /**
     * Returns the model with the pre-ArgMax tensors added as outputs, or empty if the graph has no such
     * ArgMax/Gather structure (e.g. a multi-mask export or another architecture).
     */
    public static Optional<PatchedDecoder> exposeAllMaskTokens(byte[] modelBytes) throws InvalidProtocolBufferException {
        UnknownFieldSet model = UnknownFieldSet.parseFrom(modelBytes);
        UnknownFieldSet.Field graphField = model.getField(MODEL_GRAPH);
        if (graphField.getLengthDelimitedList().isEmpty()) {
            return Optional.empty();
        }
        UnknownFieldSet graph = UnknownFieldSet.parseFrom(graphField.getLengthDelimitedList().get(0));
        List<Node> nodes = parseNodes(graph);
        List<String> extra = findTokenTensors(nodes);
        if (extra.size() != 2) {
            return Optional.empty();
        }
        Set<String> existingOutputs = new HashSet<>();
        for (ByteString vi : graph.getField(GRAPH_OUTPUT).getLengthDelimitedList()) {
            existingOutputs.add(UnknownFieldSet.parseFrom(vi).getField(VALUE_INFO_NAME)
                    .getLengthDelimitedList().get(0).toStringUtf8());
        }
        UnknownFieldSet.Field.Builder outputs = UnknownFieldSet.Field.newBuilder().mergeFrom(graph.getField(GRAPH_OUTPUT));
        for (String name : extra) {
            if (!existingOutputs.contains(name)) {
                outputs.addLengthDelimited(valueInfoWithName(name));
            }
        }
        UnknownFieldSet newGraph = graph.toBuilder().clearField(GRAPH_OUTPUT).addField(GRAPH_OUTPUT, outputs.build()).build();
        UnknownFieldSet newModel = model.toBuilder().clearField(MODEL_GRAPH)
                .addField(MODEL_GRAPH, UnknownFieldSet.Field.newBuilder().addLengthDelimited(newGraph.toByteString()).build())
                .build();
        return Optional.of(new PatchedDecoder(newModel.toByteArray(), extra));
    }

    private record Node(String opType, List<String> inputs, List<String> outputs) {
    }

    private static List<Node> parseNodes(UnknownFieldSet graph) throws InvalidProtocolBufferException {
        List<Node> nodes = new ArrayList<>();
        for (ByteString bytes : graph.getField(GRAPH_NODE).getLengthDelimitedList()) {
            UnknownFieldSet node = UnknownFieldSet.parseFrom(bytes);
            List<ByteString> op = node.getField(NODE_OP_TYPE).getLengthDelimitedList();
            nodes.add(new Node(op.isEmpty() ? "" : op.get(0).toStringUtf8(),
                    strings(node.getField(NODE_INPUT)), strings(node.getField(NODE_OUTPUT))));
        }
        return nodes;
    }

    private static List<String> strings(UnknownFieldSet.Field field) {
        return field.getLengthDelimitedList().stream().map(ByteString::toStringUtf8).toList();
    }

    /** Data tensors (before flattening) of the Gather nodes whose indices derive from the single ArgMax. */
    private static List<String> findTokenTensors(List<Node> nodes) {
        List<Node> argMaxes = nodes.stream().filter(n -> n.opType().equals("ArgMax")).toList();
        if (argMaxes.size() != 1) {
            return List.of();
        }
        Map<String, Node> producers = new HashMap<>();
        for (Node n : nodes) {
            n.outputs().forEach(o -> producers.put(o, n));
        }
        Set<String> indexTensors = new HashSet<>(argMaxes.get(0).outputs());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Node n : nodes) {
                if (INDEX_PASS_THROUGH.contains(n.opType()) && n.inputs().stream().anyMatch(indexTensors::contains)) {
                    grew |= indexTensors.addAll(n.outputs());
                }
            }
        }
        Set<String> dataTensors = new LinkedHashSet<>();
        for (Node n : nodes) {
            if (n.opType().equals("Gather") && n.inputs().size() == 2 && indexTensors.contains(n.inputs().get(1))) {
                dataTensors.add(unflattened(n.inputs().get(0), producers));
            }
        }
        return List.copyOf(dataTensors);
    }

    private static String unflattened(String tensor, Map<String, Node> producers) {
        Node producer = producers.get(tensor);
        return producer != null && DATA_PASS_THROUGH.contains(producer.opType()) ? producer.inputs().get(0) : tensor;
    }

    private static ByteString valueInfoWithName(String name) {
        return UnknownFieldSet.newBuilder()
                .addField(VALUE_INFO_NAME, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8(name)).build())
                .build().toByteString();
    }
}
