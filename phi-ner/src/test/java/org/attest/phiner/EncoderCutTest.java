package org.attest.phiner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cutting the encoder keeps what the chosen layers need and nothing else: a cut after the last layer computes exactly
 * {@code last_hidden_state}, a cut after layer 2 has no node of layers 3 to 5, and a layer the encoder lacks is refused.
 */
class EncoderCutTest {

    private static final String SENTENCE = "Mrs. Okafor was seen at Mercy Hospital in Dayton.";

    @Test
    void aCutAfterTheLastLayerGivesTheEncodersOwnHiddenStates() throws Exception {
        byte[] full = PhiNerPipeline.resource("/all-minilm-l6-v2-q.onnx");
        ModelProto uncut = ModelProto.parseFrom(full);
        byte[] cut = new EncoderCut(List.of(5)).apply(full);

        Matrix features = features(cut, 384);
        GraphProto.Builder asIs = uncut.getGraph().toBuilder();
        asIs.addNode(NodeProto.newBuilder()
                .setOpType("Identity")
                .setName(EncoderCut.FEATURES)
                .addInput("last_hidden_state")
                .addOutput(EncoderCut.FEATURES));
        asIs.clearOutput().addOutput(ModelProto.parseFrom(cut).getGraph().getOutput(0));
        Matrix expected = features(uncut.toBuilder().setGraph(asIs).build().toByteArray(), 384);

        assertThat(features.rows).isEqualTo(expected.rows).isPositive();
        for (int i = 0; i < features.rows * 384; i++) {
            assertThat(features.values[i]).isEqualTo(expected.values[i]);
        }
    }

    @Test
    void aCutAfterLayerTwoDropsTheLaterLayers() throws Exception {
        byte[] full = PhiNerPipeline.resource("/all-minilm-l6-v2-q.onnx");
        GraphProto graph =
                ModelProto.parseFrom(new EncoderCut(List.of(2)).apply(full)).getGraph();
        GraphProto uncut = ModelProto.parseFrom(full).getGraph();

        assertThat(graph.getNodeList())
                .extracting(NodeProto::getName)
                .anyMatch(name -> name.startsWith("/encoder/layer.2/"))
                .noneMatch(name -> name.matches("/encoder/layer\\.[345]/.*"));
        assertThat(graph.getNodeCount()).isLessThan(uncut.getNodeCount() * 6 / 10);
        assertThat(graph.getInitializerCount()).isLessThan(uncut.getInitializerCount());
        assertThat(graph.getOutputList()).extracting(o -> o.getName()).containsExactly(EncoderCut.FEATURES);
        assertThat(graph.getInputList())
                .extracting(i -> i.getName())
                .contains("input_ids", "attention_mask", "token_type_ids");
        assertThat(features(new EncoderCut(List.of(1, 2)).apply(full), 768).rows)
                .isEqualTo(features(new EncoderCut(List.of(2)).apply(full), 384).rows);
    }

    @Test
    void aLayerTheEncoderLacksIsRefused() {
        assertThatThrownBy(() -> new EncoderCut(List.of(6)).apply(PhiNerPipeline.resource("/all-minilm-l6-v2-q.onnx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 6");
        assertThat(EncoderCut.parse("1, 3").describe()).isEqualTo("1+3");
        assertThat(EncoderCut.parse("1,3").dimensions()).isEqualTo(768);
    }

    private static Matrix features(byte[] model, int dimensions) throws Exception {
        Matrix features = new Matrix(dimensions);
        try (TokenFeatures encode =
                new TokenFeatures(model, dimensions, PhiNerPipeline.resource("/all-minilm-l6-v2-q-tokenizer.json"))) {
            encode.collect(List.of(new Sentence(SENTENCE, List.of())), features);
        }
        return features;
    }
}
