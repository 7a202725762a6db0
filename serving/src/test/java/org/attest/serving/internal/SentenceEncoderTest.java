package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceEncoderTest {

    private final SentenceEncoder encoder = TestModel.encoder();

    @Test
    void vectorsHave384DimensionsAndUnitLength() throws OrtException {
        float[][] vectors = encoder.encode(List.of("The patient reports chest pain.", "Lungs are clear."));

        assertThat(encoder.dimensions()).isEqualTo(384);
        assertThat(vectors).hasNumberOfRows(2);
        for (float[] vector : vectors) {
            assertThat(vector).hasSize(384);
            assertThat(Vectors.dot(vector, vector)).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() throws OrtException {
        float[][] vectors = encoder.encode(List.of(
                "The patient has had a headache for three days.",
                "For the past three days the patient has suffered from head pain.",
                "The invoice must be paid before the end of the month."));

        double paraphrase = Vectors.dot(vectors[0], vectors[1]);
        double unrelated = Vectors.dot(vectors[0], vectors[2]);

        assertThat(paraphrase).isGreaterThan(0.7).isGreaterThan(unrelated + 0.4);
    }

    @Test
    void aBatchOfDifferentLengthsGivesTheSameVectorsAsOneByOne() throws OrtException {
        List<String> sentences = List.of(
                "Fever.",
                "The patient is a 58-year-old man with hypertension and type 2 diabetes who presents with chest pain.",
                "Lungs are clear to auscultation bilaterally.",
                "");

        float[][] batched = encoder.encode(sentences);

        for (int i = 0; i < sentences.size(); i++) {
            float[] alone = encoder.encode(List.of(sentences.get(i)))[0];
            for (int d = 0; d < alone.length; d++) {
                assertThat(batched[i][d]).as("sentence %d, dimension %d", i, d).isCloseTo(alone[d], within(1e-4f));
            }
        }
    }

    @Test
    void moreSentencesThanOneBatchKeepTheirOrder() throws OrtException {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < SentenceEncoder.BATCH_SIZE + 5; i++) {
            sentences.add(i % 2 == 0 ? "Blood pressure is stable." : "The knee is swollen and painful after a fall.");
        }

        float[][] vectors = encoder.encode(sentences);

        assertThat(vectors).hasNumberOfRows(sentences.size());
        assertThat(Vectors.dot(vectors[0], vectors[SentenceEncoder.BATCH_SIZE + 4]))
                .isCloseTo(1.0, within(1e-4));
        assertThat(Vectors.dot(vectors[1], vectors[SentenceEncoder.BATCH_SIZE + 3]))
                .isCloseTo(1.0, within(1e-4));
        assertThat(Vectors.dot(vectors[0], vectors[1])).isLessThan(0.9);
    }

    @Test
    void textsLongerThanMaxTokensAreTruncatedNotRejected() throws OrtException {
        String longText = "The patient walked to the clinic. ".repeat(200);

        float[][] vectors = encoder.encode(List.of(longText));

        assertThat(Vectors.dot(vectors[0], vectors[0])).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void runsOnCpuHere() {
        assertThat(encoder.device()).isEqualTo(OnnxRuntimeEngine.CPU);
    }
}
