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
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A small ONNX graph builder on the ONNX protobuf classes (IR 8, opset 17), for test models. */
final class OnnxGraph {

    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    static final int INT64 = TensorProto.DataType.INT64_VALUE;
    static final int BOOL = TensorProto.DataType.BOOL_VALUE;

    private final GraphProto.Builder graph;

    OnnxGraph(String name) {
        this.graph = GraphProto.newBuilder().setName(name);
    }

    /** A dimension: a number is static, a name is symbolic (dynamic). */
    static Object[] dims(Object... dims) {
        return dims;
    }

    OnnxGraph input(String name, int type, Object... dims) {
        graph.addInput(value(name, type, dims));
        return this;
    }

    OnnxGraph output(String name, int type, Object... dims) {
        graph.addOutput(value(name, type, dims));
        return this;
    }

    OnnxGraph floats(String name, float[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        graph.addInitializer(tensor(name, FLOAT, bytes.array(), dims));
        return this;
    }

    OnnxGraph longs(String name, long[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            bytes.putLong(v);
        }
        graph.addInitializer(tensor(name, INT64, bytes.array(), dims));
        return this;
    }

    OnnxGraph node(String op, String[] inputs, String[] outputs, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(outputs[0] + "_" + op);
        for (String input : inputs) {
            node.addInput(input);
        }
        for (String output : outputs) {
            node.addOutput(output);
        }
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return this;
    }

    OnnxGraph node(String op, String input, String output, AttributeProto... attributes) {
        return node(op, new String[] {input}, new String[] {output}, attributes);
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute =
                AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            attribute.addInts(v);
        }
        return attribute.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    static AttributeProto subgraph(String name, OnnxGraph body) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.GRAPH)
                .setG(body.graph.build())
                .build();
    }

    static AttributeProto tensorValue(String name, int type, long... dims) {
        int size = 1;
        for (long d : dims) {
            size *= (int) d;
        }
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.TENSOR)
                .setT(tensor("", type, new byte[size * 4], dims))
                .build();
    }

    byte[] model() {
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("attest-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private static TensorProto tensor(String name, int type, byte[] raw, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(type);
        for (long d : dims) {
            tensor.addDims(d);
        }
        return tensor.setRawData(ByteString.copyFrom(raw)).build();
    }

    private static ValueInfoProto value(String name, int type, Object... dims) {
        TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(type);
        if (dims.length > 0) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (Object dim : dims) {
                shape.addDim(
                        dim instanceof Number n
                                ? TensorShapeProto.Dimension.newBuilder().setDimValue(n.longValue())
                                : TensorShapeProto.Dimension.newBuilder().setDimParam(dim.toString()));
            }
            tensor.setShape(shape);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensor))
                .build();
    }
}
