package org.samannotator.core.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dynamic int8 quantization of an ONNX model's matrix products, in Java: every {@code MatMul} whose second
 * input is a float32 rank-2 initializer [K, N] with K >= {@value #MIN_ROWS}, and every {@code Gemm}
 * (transA=0, any transB/alpha/beta, bias C of shape [N] or [1, N] or none) with such a weight, becomes a
 * {@code com.microsoft.DynamicQuantizeMatMul(A, B_int8, b_scale, b_zero_point, bias)} node with the same
 * name and outputs; weights become int8 with per-column or per-tensor scales ({@link Int8Weight}).
 * Everything else (Conv, attention products of two activations, tiny K) stays float.
 *
 * <p>Deterministic: the same input bytes and scheme give the same output bytes (nodes keep their order,
 * new initializers are appended in node order, {@link UnknownFieldSet} writes fields sorted by number), so
 * the result's SHA-256 can be recorded in a manifest. The {@code com.microsoft} opset import (version 1) is
 * added. Float weights no longer referenced are dropped (kept when the graph has subgraphs).
 */
public final class WeightQuantizer {
    /** Products with fewer rows than this (e.g. SAM's [2, 128] positional encoding) stay float. */
    public static final int MIN_ROWS = 16;
    static final String MICROSOFT_DOMAIN = "com.microsoft";
    static final String QUANTIZED_OP = "DynamicQuantizeMatMul";

    private WeightQuantizer() {
    }

    /**
     * @param modelBytes the float model (ModelProto bytes)
     * @param quantizedNodes how many MatMul/Gemm nodes were replaced
     * @param quantizedWeights how many weight elements are now int8
     */
    public record QuantizedModel(byte[] modelBytes, int quantizedNodes, long quantizedWeights) {
    }

    /** @throws InvalidProtocolBufferException when the bytes are not an ONNX model */
    public static QuantizedModel quantize(byte[] modelBytes, QuantizationScheme scheme)
            throws InvalidProtocolBufferException {
        UnknownFieldSet model = UnknownFieldSet.parseFrom(modelBytes);
        List<ByteString> graphs = model.getField(OnnxFields.MODEL_GRAPH).getLengthDelimitedList();
        if (graphs.isEmpty()) {
            throw new InvalidProtocolBufferException("the model has no graph");
        }
        GraphRewrite rewrite = new GraphRewrite(OnnxFields.parse(graphs.get(0)), scheme);
        UnknownFieldSet graph = rewrite.run();
        UnknownFieldSet result = OnnxFields.withField(model, OnnxFields.MODEL_GRAPH,
                OnnxFields.messageField(List.of(graph.toByteString())));
        if (rewrite.replacedNodes > 0) {
            result = withMicrosoftOpset(result);
        }
        return new QuantizedModel(result.toByteArray(), rewrite.replacedNodes, rewrite.quantizedWeights);
    }

    private static UnknownFieldSet withMicrosoftOpset(UnknownFieldSet model) throws InvalidProtocolBufferException {
        List<ByteString> imports = new ArrayList<>(model.getField(OnnxFields.MODEL_OPSET_IMPORT).getLengthDelimitedList());
        for (ByteString opset : imports) {
            if (OnnxFields.string(OnnxFields.parse(opset), OnnxFields.OPSET_DOMAIN).equals(MICROSOFT_DOMAIN)) {
                return model;
            }
        }
        imports.add(UnknownFieldSet.newBuilder()
                .addField(OnnxFields.OPSET_DOMAIN, OnnxFields.stringField(List.of(MICROSOFT_DOMAIN)))
                .addField(OnnxFields.OPSET_VERSION, OnnxFields.varintField(1))
                .build().toByteString());
        return OnnxFields.withField(model, OnnxFields.MODEL_OPSET_IMPORT, OnnxFields.messageField(imports));
    }

    /** One pass over a graph: replaces quantizable nodes, then rebuilds nodes, initializers and inputs. */
    private static final class GraphRewrite {
        private final UnknownFieldSet graph;
        private final QuantizationScheme scheme;
        private final Map<String, UnknownFieldSet> initializers = new LinkedHashMap<>();
        private final Set<String> usedNames = new HashSet<>();
        private final Map<String, QuantizedInputs> quantizedByKey = new LinkedHashMap<>();
        private final List<ByteString> newInitializers = new ArrayList<>();
        /** Float initializers replaced somewhere; dropped unless still referenced. */
        private final Set<String> replacedFloats = new HashSet<>();
        int replacedNodes;
        long quantizedWeights;

        GraphRewrite(UnknownFieldSet graph, QuantizationScheme scheme) throws InvalidProtocolBufferException {
            this.graph = graph;
            this.scheme = scheme;
            for (ByteString bytes : graph.getField(OnnxFields.GRAPH_INITIALIZER).getLengthDelimitedList()) {
                UnknownFieldSet tensor = OnnxFields.parse(bytes);
                initializers.put(OnnxFields.string(tensor, OnnxFields.TENSOR_NAME), tensor);
            }
            usedNames.addAll(initializers.keySet());
        }

        UnknownFieldSet run() throws InvalidProtocolBufferException {
            List<UnknownFieldSet> nodes = new ArrayList<>();
            for (ByteString bytes : graph.getField(OnnxFields.GRAPH_NODE).getLengthDelimitedList()) {
                UnknownFieldSet node = OnnxFields.parse(bytes);
                nodes.add(node);
                usedNames.addAll(OnnxFields.strings(node, OnnxFields.NODE_OUTPUT));
            }
            boolean hasSubgraphs = false;
            List<ByteString> rewritten = new ArrayList<>();
            for (UnknownFieldSet node : nodes) {
                hasSubgraphs |= NodeAttributes.hasSubgraph(node);
                rewritten.add(replacement(node).orElse(node).toByteString());
            }
            Set<String> referenced = hasSubgraphs ? initializers.keySet() : referencedNames(rewritten);
            List<ByteString> keptInitializers = new ArrayList<>();
            for (Map.Entry<String, UnknownFieldSet> entry : initializers.entrySet()) {
                if (!replacedFloats.contains(entry.getKey()) || referenced.contains(entry.getKey())) {
                    keptInitializers.add(entry.getValue().toByteString());
                }
            }
            keptInitializers.addAll(newInitializers);
            return graph.toBuilder()
                    .clearField(OnnxFields.GRAPH_NODE).addField(OnnxFields.GRAPH_NODE, OnnxFields.messageField(rewritten))
                    .clearField(OnnxFields.GRAPH_INITIALIZER)
                    .addField(OnnxFields.GRAPH_INITIALIZER, OnnxFields.messageField(keptInitializers))
                    .clearField(OnnxFields.GRAPH_INPUT)
                    .addField(OnnxFields.GRAPH_INPUT, OnnxFields.messageField(inputsStillNeeded(referenced)))
                    .build();
        }

        /** Node inputs and graph outputs after the rewrite. */
        private Set<String> referencedNames(List<ByteString> nodes) throws InvalidProtocolBufferException {
            Set<String> names = new HashSet<>();
            for (ByteString node : nodes) {
                names.addAll(OnnxFields.strings(OnnxFields.parse(node), OnnxFields.NODE_INPUT));
            }
            for (ByteString output : graph.getField(OnnxFields.GRAPH_OUTPUT).getLengthDelimitedList()) {
                names.add(OnnxFields.string(OnnxFields.parse(output), OnnxFields.VALUE_INFO_NAME));
            }
            return names;
        }

        /** Graph inputs, minus those that only declared a float weight which is now gone (old IR style). */
        private List<ByteString> inputsStillNeeded(Set<String> referenced) throws InvalidProtocolBufferException {
            List<ByteString> inputs = new ArrayList<>();
            for (ByteString input : graph.getField(OnnxFields.GRAPH_INPUT).getLengthDelimitedList()) {
                String name = OnnxFields.string(OnnxFields.parse(input), OnnxFields.VALUE_INFO_NAME);
                if (!replacedFloats.contains(name) || referenced.contains(name)) {
                    inputs.add(input);
                }
            }
            return inputs;
        }

        private Optional<UnknownFieldSet> replacement(UnknownFieldSet node) {
            String domain = OnnxFields.string(node, OnnxFields.NODE_DOMAIN);
            if (!domain.isEmpty() && !domain.equals("ai.onnx")) {
                return Optional.empty();
            }
            return switch (OnnxFields.string(node, OnnxFields.NODE_OP_TYPE)) {
                case "MatMul" -> quantizedMatMul(node, ProductForm.MATMUL);
                case "Gemm" -> ProductForm.ofGemm(node).flatMap(form -> quantizedMatMul(node, form));
                default -> Optional.empty();
            };
        }

        private Optional<UnknownFieldSet> quantizedMatMul(UnknownFieldSet node, ProductForm form) {
            List<String> inputs = OnnxFields.strings(node, OnnxFields.NODE_INPUT);
            if (inputs.size() < 2 || !initializers.containsKey(inputs.get(1))) {
                return Optional.empty();
            }
            Optional<FloatWeight> weight = FloatWeight.read(initializers.get(inputs.get(1)));
            if (weight.isEmpty() || weight.get().rank() != 2) {
                return Optional.empty();
            }
            long[] dims = weight.get().dims();
            int rows = (int) (form.transposed() ? dims[1] : dims[0]);
            int columns = (int) (form.transposed() ? dims[0] : dims[1]);
            if (rows < MIN_ROWS) {
                return Optional.empty();
            }
            Optional<String> bias = inputs.size() > 2 && !inputs.get(2).isEmpty()
                    ? biasOf(inputs.get(2), columns, form.beta(), OnnxFields.strings(node, OnnxFields.NODE_OUTPUT).get(0))
                    : Optional.of("");
            if (bias.isEmpty()) {
                return Optional.empty();
            }
            QuantizedInputs quantized = quantizedInputs(weight.get(), rows, columns, form);
            replacedFloats.add(weight.get().name());
            replacedNodes++;
            List<String> newInputs = new ArrayList<>(List.of(inputs.get(0), quantized.weight(), quantized.scale(),
                    quantized.zeroPoint()));
            if (!bias.get().isEmpty()) {
                newInputs.add(bias.get());
            }
            return Optional.of(UnknownFieldSet.newBuilder()
                    .addField(OnnxFields.NODE_INPUT, OnnxFields.stringField(newInputs))
                    .addField(OnnxFields.NODE_OUTPUT, node.getField(OnnxFields.NODE_OUTPUT))
                    .addField(OnnxFields.NODE_NAME, node.getField(OnnxFields.NODE_NAME))
                    .addField(OnnxFields.NODE_OP_TYPE, OnnxFields.stringField(List.of(QUANTIZED_OP)))
                    .addField(OnnxFields.NODE_DOMAIN, OnnxFields.stringField(List.of(MICROSOFT_DOMAIN)))
                    .build());
        }

        /** The int8 weight, scale and zero point initializers, shared by nodes using the same weight the same way. */
        private QuantizedInputs quantizedInputs(FloatWeight weight, int rows, int columns, ProductForm form) {
            String key = weight.name() + "|" + form.transposed() + "|" + Float.floatToIntBits(form.alpha());
            QuantizedInputs existing = quantizedByKey.get(key);
            if (existing != null) {
                return existing;
            }
            Int8Weight int8 = Int8Weight.quantize(weight.values(), rows, columns, form.transposed(), form.alpha(),
                    scheme.perColumn());
            QuantizedInputs names = new QuantizedInputs(freshName(weight.name() + "_int8"),
                    freshName(weight.name() + "_scale"), freshName(weight.name() + "_zero_point"));
            long[] scaleDims = scheme.perColumn() ? new long[] {columns} : new long[0];
            newInitializers.add(FloatWeight.int8Tensor(names.weight(), new long[] {rows, columns}, int8.values()));
            newInitializers.add(FloatWeight.floatTensor(names.scale(), scaleDims, int8.scales()));
            newInitializers.add(FloatWeight.int8Tensor(names.zeroPoint(), scaleDims, new byte[int8.scales().length]));
            quantizedWeights += (long) rows * columns;
            quantizedByKey.put(key, names);
            return names;
        }

        /** The bias input for DynamicQuantizeMatMul ([N] float), or empty when C has another shape. */
        private Optional<String> biasOf(String name, int columns, float beta, String nodeOutput) {
            Optional<FloatWeight> c = Optional.ofNullable(initializers.get(name)).flatMap(FloatWeight::read);
            if (c.isEmpty() || c.get().values().length != columns || c.get().rank() < 1
                    || c.get().dims()[c.get().rank() - 1] != columns) {
                return Optional.empty();
            }
            if (beta == 1f && c.get().rank() == 1) {
                return Optional.of(name);
            }
            float[] bias = c.get().values().clone();
            for (int i = 0; i < bias.length; i++) {
                bias[i] *= beta;
            }
            replacedFloats.add(name);
            String biasName = freshName(nodeOutput + "_bias");
            newInitializers.add(FloatWeight.floatTensor(biasName, new long[] {columns}, bias));
            return Optional.of(biasName);
        }

        private String freshName(String base) {
            String name = base;
            for (int i = 1; usedNames.contains(name); i++) {
                name = base + "_" + i;
            }
            usedNames.add(name);
            return name;
        }
    }

    private record QuantizedInputs(String weight, String scale, String zeroPoint) {
    }
}
