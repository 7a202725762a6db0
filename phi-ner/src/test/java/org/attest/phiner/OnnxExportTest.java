package org.attest.phiner;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The appended graph computes exactly the trained head on the cut encoder's features: its logits equal {@link
 * Head#logits} on the features {@link TokenFeatures} collects, for a linear and a hidden-layer head, on one layer and
 * on two layers side by side.
 */
class OnnxExportTest {

    @ParameterizedTest
    @ValueSource(strings = {"2", "1,3"})
    void theExportedLogitsAreTheHeadAppliedToTheEncoderFeatures(String layers) throws Exception {
        EncoderCut cut = EncoderCut.parse(layers);
        byte[] encoder = cut.apply(PhiNerPipeline.resource("/all-minilm-l6-v2-q.onnx"));
        byte[] tokenizer = PhiNerPipeline.resource("/all-minilm-l6-v2-q-tokenizer.json");
        Sentence sentence = new Sentence("Seen by Dr. Ng at Mercy Hospital.", List.of());
        int d = cut.dimensions();
        Matrix features = new Matrix(d);
        try (TokenFeatures encode = new TokenFeatures(encoder, d, tokenizer)) {
            encode.collect(List.of(sentence), features);
        }
        for (int hidden : new int[] {0, 8}) {
            Head head = random(d, hidden, Labels.ALL.size());
            float[][] exported = run(OnnxExport.append(encoder, head, "test"), features.rows);
            float[] scratch = new float[Math.max(hidden, 1)];
            float[] expected = new float[head.labels()];
            for (int token = 0; token < features.rows; token++) {
                head.logits(features.values, token * d, scratch, expected);
                for (int l = 0; l < expected.length; l++) {
                    assertThat(exported[token][l]).isCloseTo(expected[l], org.assertj.core.data.Offset.offset(1e-3f));
                }
            }
        }
    }

    private static Head random(int d, int hidden, int labels) {
        Random random = new Random(hidden);
        int width = hidden == 0 ? labels : hidden;
        float[] w1 = new float[d * width];
        float[] b1 = new float[width];
        float[] w2 = new float[hidden * labels];
        float[] b2 = new float[hidden == 0 ? 0 : labels];
        for (float[] array : List.of(w1, b1, w2, b2)) {
            for (int i = 0; i < array.length; i++) {
                array[i] = (float) random.nextGaussian() * 0.1f;
            }
        }
        return new Head(d, hidden, labels, w1, b1, w2, b2);
    }

    private static float[][] run(byte[] model, int tokens) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        byte[] tokenizerJson = PhiNerPipeline.resource("/all-minilm-l6-v2-q-tokenizer.json");
        long[] ids;
        try (var tokenizer = ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.newInstance(
                new java.io.ByteArrayInputStream(tokenizerJson), Map.of("padding", "false"))) {
            ids = tokenizer.encode("Seen by Dr. Ng at Mercy Hospital.").getIds();
        }
        assertThat(ids).hasSize(tokens);
        long[] shape = {1, ids.length};
        try (OrtSession session = environment.createSession(model, new OrtSession.SessionOptions());
                OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor mask = OnnxTensor.createTensor(
                        environment,
                        LongBuffer.wrap(java.util.Arrays.stream(ids).map(i -> 1).toArray()),
                        shape);
                OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
            assertThat(session.getOutputNames()).containsExactly("logits");
            Map<String, OnnxTensor> inputs =
                    new java.util.HashMap<>(Map.of("input_ids", idTensor, "attention_mask", mask));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", types);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return ((float[][][]) result.get(0).getValue())[0];
            }
        }
    }
}
