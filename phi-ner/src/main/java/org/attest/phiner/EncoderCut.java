package org.attest.phiner;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The encoder's graph cut after the layers the head reads: one output, {@value #FEATURES} {@code [batch, sequence,
 * 384 × layers]}, the outputs of those transformer layers side by side, and every node that only later layers need
 * removed. Reading layer 3 of 6 runs half the encoder: the head is trained on, and exported on top of, exactly this
 * graph.
 *
 * @param layers zero-based layer indices, ascending (layer 5 is {@code last_hidden_state})
 */
record EncoderCut(List<Integer> layers) {

    static final String FEATURES = "phi_ner_features";
    static final int HIDDEN_SIZE = 384;
    private static final String LAST_HIDDEN_STATE = "last_hidden_state";

    EncoderCut {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("at least one layer");
        }
    }

    /** {@code --layers 2,3}. */
    static EncoderCut parse(String layers) {
        return new EncoderCut(List.of(layers.split(",")).stream()
                .map(String::strip)
                .map(Integer::valueOf)
                .toList());
    }

    int dimensions() {
        return HIDDEN_SIZE * layers.size();
    }

    /** {@code 3} or {@code 2+3}: how reports and stamps name the cut. */
    String describe() {
        return layers.stream().map(String::valueOf).collect(Collectors.joining("+"));
    }

    /** The Hugging Face export's name of a layer's output (after its output LayerNorm). */
    static String layerOutput(int layer) {
        return "/encoder/layer." + layer + "/output/LayerNorm/Add_1_output_0";
    }

    /** The encoder with {@value #FEATURES} as its only output and no node the features do not need. */
    byte[] apply(byte[] encoder) throws InvalidProtocolBufferException {
        ModelProto model = ModelProto.parseFrom(encoder);
        GraphProto.Builder graph = model.getGraph().toBuilder();
        List<String> outputs =
                layers.stream().map(layer -> tensorOf(graph, layer)).toList();
        NodeProto.Builder join = NodeProto.newBuilder()
                .setName(FEATURES)
                .setOpType(outputs.size() == 1 ? "Identity" : "Concat")
                .addAllInput(outputs)
                .addOutput(FEATURES);
        if (outputs.size() > 1) {
            join.addAttribute(AttributeProto.newBuilder()
                    .setName("axis")
                    .setType(AttributeProto.AttributeType.INT)
                    .setI(2));
        }
        graph.addNode(join);
        graph.clearOutput();
        graph.addOutput(ValueInfoProto.newBuilder().setName(FEATURES).setType(featureType()));
        prune(graph);
        return model.toBuilder().setGraph(graph).build().toByteArray();
    }

    private static String tensorOf(GraphProto.Builder graph, int layer) {
        String name = layerOutput(layer);
        if (produced(graph, name)) {
            return name;
        }
        // The last layer's LayerNorm writes last_hidden_state itself.
        if (hasLayer(graph, layer) && !hasLayer(graph, layer + 1) && produced(graph, LAST_HIDDEN_STATE)) {
            return LAST_HIDDEN_STATE;
        }
        throw new IllegalArgumentException("the encoder has no output of layer " + layer);
    }

    private static boolean hasLayer(GraphProto.Builder graph, int layer) {
        String prefix = "/encoder/layer." + layer + "/";
        return graph.getNodeList().stream().anyMatch(node -> node.getName().startsWith(prefix));
    }

    private static boolean produced(GraphProto.Builder graph, String tensor) {
        return graph.getNodeList().stream()
                .anyMatch(node -> node.getOutputList().contains(tensor));
    }

    /** Keeps the nodes, initializers and value infos the graph's outputs depend on (nodes are in topological order). */
    static void prune(GraphProto.Builder graph) {
        Set<String> needed = new HashSet<>();
        graph.getOutputList().forEach(output -> needed.add(output.getName()));
        List<NodeProto> nodes = graph.getNodeList();
        boolean[] keep = new boolean[nodes.size()];
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NodeProto node = nodes.get(i);
            if (node.getOutputList().stream().anyMatch(needed::contains)) {
                keep[i] = true;
                needed.addAll(node.getInputList());
            }
        }
        List<NodeProto> kept = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (keep[i]) {
                kept.add(nodes.get(i));
            }
        }
        List<TensorProto> initializers = graph.getInitializerList().stream()
                .filter(t -> needed.contains(t.getName()))
                .toList();
        List<ValueInfoProto> infos = graph.getValueInfoList().stream()
                .filter(v -> needed.contains(v.getName()))
                .toList();
        graph.clearNode().addAllNode(kept);
        graph.clearInitializer().addAllInitializer(initializers);
        graph.clearValueInfo().addAllValueInfo(infos);
    }

    private TypeProto featureType() {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("sequence_length"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dimensions()))
                .build();
        return TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape))
                .build();
    }
}
