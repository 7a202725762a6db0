package org.attest.phiner;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Appends the trained {@link Head} to the cut encoder's ONNX graph ({@link EncoderCut}): {@code phi_ner_features →
 * MatMul → Add (→ Relu → MatMul → Add) → logits}, and makes {@code logits} the only output. The result is a standard Hugging Face-shaped
 * token-classification export ({@code input_ids}, {@code attention_mask}, {@code token_type_ids} → {@code logits
 * [batch, sequence, labels]}), served by the same loader as any user's export.
 */
final class OnnxExport {

    private static final String PREFIX = "phi_ner_head_";

    private OnnxExport() {}

    /** @param encoder the cut encoder, whose only output is {@link EncoderCut#FEATURES} */
    static byte[] append(byte[] encoder, Head head, String description) throws InvalidProtocolBufferException {
        ModelProto model = ModelProto.parseFrom(encoder);
        GraphProto.Builder graph = model.getGraph().toBuilder();
        boolean linear = head.hidden() == 0;
        int width = head.width1();
        graph.addInitializer(tensor(PREFIX + "w1", head.w1(), head.inputs(), width));
        graph.addInitializer(tensor(PREFIX + "b1", head.b1(), width));
        graph.addNode(node("MatMul", PREFIX + "mm1", EncoderCut.FEATURES, PREFIX + "w1"));
        graph.addNode(node("Add", linear ? "logits" : PREFIX + "a1", PREFIX + "mm1", PREFIX + "b1"));
        if (!linear) {
            graph.addInitializer(tensor(PREFIX + "w2", head.w2(), head.hidden(), head.labels()));
            graph.addInitializer(tensor(PREFIX + "b2", head.b2(), head.labels()));
            graph.addNode(node("Relu", PREFIX + "relu", PREFIX + "a1"));
            graph.addNode(node("MatMul", PREFIX + "mm2", PREFIX + "relu", PREFIX + "w2"));
            graph.addNode(node("Add", "logits", PREFIX + "mm2", PREFIX + "b2"));
        }
        graph.clearOutput();
        graph.addOutput(ValueInfoProto.newBuilder().setName("logits").setType(logitsType(head.labels())));
        return model.toBuilder()
                .setGraph(graph)
                .setDocString(description)
                .addMetadataProps(StringStringEntryProto.newBuilder()
                        .setKey("attest.kind")
                        .setValue("token-classification"))
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

    private static TensorProto tensor(String name, float[] values, int... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            raw.putFloat(value);
        }
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(com.google.protobuf.ByteString.copyFrom(raw.array()));
        for (int dim : dims) {
            tensor.addDims(dim);
        }
        return tensor.build();
    }

    private static TypeProto logitsType(int labels) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("sequence_length"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(labels))
                .build();
        return TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape))
                .build();
    }
}
