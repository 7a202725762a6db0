package org.attest.serving.internal;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.Map;

/**
 * A real, tiny Hugging Face-shaped token-classification ONNX graph for tests: {@code logits = table[input_ids] *
 * attention_mask}, so every token id has fixed label scores. Tokens listed in {@code labelled} get that label, every
 * other token {@code O} (label 0).
 */
final class LookupTokenClassifier {

    private LookupTokenClassifier() {}

    static byte[] model(int vocabulary, int labels, Map<Long, Integer> labelled) {
        float[] table = new float[vocabulary * labels];
        for (int id = 0; id < vocabulary; id++) {
            int label = labelled.getOrDefault((long) id, 0);
            table[id * labels + label] = 8f;
        }
        TensorProto.Builder weights = TensorProto.newBuilder()
                .setName("table")
                .setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(vocabulary)
                .addDims(labels);
        for (float value : table) {
            weights.addFloatData(value);
        }
        TensorProto axes = TensorProto.newBuilder()
                .setName("axes")
                .setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(1)
                .addInt64Data(2)
                .build();
        GraphProto graph = GraphProto.newBuilder()
                .setName("lookup-token-classifier")
                .addInitializer(weights)
                .addInitializer(axes)
                .addInput(input("input_ids", TensorProto.DataType.INT64))
                .addInput(input("attention_mask", TensorProto.DataType.INT64))
                .addNode(node("Gather", "gathered", "table", "input_ids"))
                .addNode(node("Cast", "mask_float", "attention_mask").toBuilder()
                        .addAttribute(AttributeProto.newBuilder()
                                .setName("to")
                                .setType(AttributeProto.AttributeType.INT)
                                .setI(TensorProto.DataType.FLOAT.getNumber())))
                .addNode(node("Unsqueeze", "mask_3d", "mask_float", "axes"))
                .addNode(node("Mul", "logits", "gathered", "mask_3d"))
                .addOutput(ValueInfoProto.newBuilder()
                        .setName("logits")
                        .setType(tensorType(TensorProto.DataType.FLOAT, "batch", "tokens", null, labels)))
                .build();
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13))
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private static NodeProto node(String op, String output, String... inputs) {
        NodeProto.Builder node =
                NodeProto.newBuilder().setOpType(op).setName(output).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        return node.build();
    }

    private static ValueInfoProto input(String name, TensorProto.DataType type) {
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(tensorType(type, "batch", "tokens", null, 0))
                .build();
    }

    private static TypeProto tensorType(
            TensorProto.DataType type, String batch, String tokens, Object unused, int last) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batch))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(tokens));
        if (last > 0) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(last));
        }
        return TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(type.getNumber())
                        .setShape(shape))
                .build();
    }
}
