package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;
import org.attest.serving.internal.ServingProperties.Device;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The shipped MiniLM behind the micro-batcher: concurrent requests share batches and get the vectors they get alone. */
class BatchedSentenceEncoderTest {

    private static final List<List<String>> REQUESTS = List.of(
            List.of("Chest pain for two days.", "Worse on exertion and relieved by rest."),
            List.of("Lungs are clear to auscultation bilaterally.", "No wheezes."),
            List.of("The patient is a 58-year-old man with hypertension and type 2 diabetes.", "Fever."),
            List.of("Plan: aspirin, heparin, admission to cardiology.", "Repeat troponin in six hours."),
            List.of("Knee swollen after a fall.", "X-ray shows no fracture."),
            List.of("Blood pressure is 150 over 95.", "Heart rate 88."),
            List.of("She denies shortness of breath.", "No nausea or vomiting."),
            List.of("Follow up in two weeks.", "Return if symptoms worsen."));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void concurrentRequestsCoalesceIntoOneBatchAndGetTheirUnbatchedVectors() throws Exception {
        // The batch is due only when full: 8 requests of 2 sentences fill one batch of 16, whatever the timing.
        BatchingProperties settings =
                new BatchingProperties(true, 16, Duration.ofHours(1), 64, 1, Duration.ofSeconds(1));
        List<float[][]> batched = new ArrayList<>();
        try (SentenceEncoder encoder = encoder(new InferenceBatching(settings, registry));
                ExecutorService callers = Executors.newFixedThreadPool(REQUESTS.size())) {
            List<Future<float[][]>> replies = new ArrayList<>();
            for (List<String> request : REQUESTS) {
                replies.add(callers.submit(() -> encoder.encode(request)));
            }
            for (Future<float[][]> reply : replies) {
                batched.add(reply.get());
            }
            assertThat(registry.get("attest.serving.inference.batch.size")
                            .summary()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("attest.serving.inference.batch.size")
                            .summary()
                            .totalAmount())
                    .isEqualTo(16);
        }
        SentenceEncoder alone = TestModel.encoder();
        for (int r = 0; r < REQUESTS.size(); r++) {
            for (int s = 0; s < 2; s++) {
                float[] expected = alone.encode(List.of(REQUESTS.get(r).get(s)))[0];
                float[] actual = batched.get(r)[s];
                for (int d = 0; d < expected.length; d++) {
                    // Padding is masked out; only float rounding of a differently shaped matmul remains.
                    assertThat(actual[d])
                            .as("request %d, sentence %d, dim %d", r, s, d)
                            .isCloseTo(expected[d], within(1e-5f));
                }
            }
        }
    }

    @Test
    void withBatchingOffTheSameMetersAreKeptAndGoAwayWithTheEncoder() throws OrtException {
        try (SentenceEncoder encoder = encoder(new InferenceBatching(BatchingProperties.off(), registry))) {
            encoder.encode(REQUESTS.get(0));

            assertThat(registry.get("attest.serving.inference.batch.size")
                            .tag("model", "test-encoder")
                            .summary()
                            .totalAmount())
                    .isEqualTo(2);
            assertThat(registry.get("attest.serving.inference.compute").timer().count())
                    .isEqualTo(1);
        }
        assertThat(registry.getMeters()).isEmpty();
    }

    private static SentenceEncoder encoder(InferenceBatching batching) throws OrtException {
        try {
            OnnxRuntimeEngine engine =
                    new OnnxRuntimeEngine(ServingProperties.defaults().withDevice(Device.CPU));
            ModelArtifacts artifacts = new ModelArtifacts(new DefaultResourceLoader());
            LocatedManifest located = artifacts.manifest(TestModel.SHIPPED_MANIFEST);
            ModelManifest manifest = located.manifest();
            EngineSession session = engine.open(artifacts.readVerified(located, manifest.encoder()), manifest.id());
            return SentenceEncoder.create(
                    session,
                    artifacts.readVerified(located, manifest.tokenizer()),
                    manifest.maxTokens(),
                    new ModelBatching(batching, "test-encoder", "1"));
        } catch (ModelLoadException e) {
            throw new IllegalStateException(e);
        }
    }
}
