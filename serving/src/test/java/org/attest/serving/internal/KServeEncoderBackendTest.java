package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.attest.serving.SummaryDraft;
import org.attest.serving.internal.EncoderBackend.HiddenStates;
import org.attest.testing.KServeV2TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The KServe v2 remote backend against a v2 endpoint served inside the test ({@link KServeV2TestServer}, the real
 * MiniLM behind it): a protocol test — paths, JSON tensors, metadata checks, timeouts, retries and the reported
 * model version — not a Triton stand-in.
 */
class KServeEncoderBackendTest {

    private static final List<String> SENTENCES =
            List.of("Chest pain for two days.", "Lungs are clear to auscultation bilaterally.", "Fever.");

    private static KServeV2TestServer server;
    private static byte[] tokenizer;
    private static int maxTokens;

    @BeforeAll
    static void start() throws Exception {
        ModelArtifacts artifacts = new ModelArtifacts(new DefaultResourceLoader());
        ModelArtifacts.LocatedManifest located = artifacts.manifest(TestModel.SHIPPED_MANIFEST);
        server = new KServeV2TestServer(
                artifacts.readVerified(located, located.manifest().encoder()));
        tokenizer = artifacts.readVerified(located, located.manifest().tokenizer());
        maxTokens = located.manifest().maxTokens();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void healthy() {
        server.failNext(0, 503);
        server.ready(true);
        server.answerAs(KServeV2TestServer.VERSION);
    }

    private static KServeV2Settings settings(String version) {
        return new KServeV2Settings(
                server.url(),
                KServeV2TestServer.MODEL,
                version,
                Duration.ofSeconds(2),
                Duration.ofSeconds(20),
                3,
                Duration.ofMillis(10));
    }

    private static SentenceEncoder remoteEncoder(KServeEncoderBackend backend) throws ModelLoadException {
        return SentenceEncoder.create(backend, tokenizer, maxTokens, ModelBatching.none("remote"));
    }

    @Test
    void remoteVectorsEqualLocalOnes() throws Exception {
        KServeEncoderBackend backend = KServeEncoderBackend.connect(new KServeV2Client(settings(null)));
        try (SentenceEncoder remote = remoteEncoder(backend)) {
            float[][] vectors = remote.encode(SENTENCES);
            float[][] local = TestModel.encoder().encode(SENTENCES);

            assertThat(remote.device()).isEqualTo("kserve-v2");
            assertThat(remote.dimensions()).isEqualTo(384);
            for (int i = 0; i < SENTENCES.size(); i++) {
                for (int d = 0; d < 384; d++) {
                    assertThat(vectors[i][d]).isCloseTo(local[i][d], within(1e-5f));
                }
            }
        }
    }

    @Test
    void theLoaderBuildsASummarizerWhoseEncoderIsRemote() throws Exception {
        KServeEncoderLoader loader = new KServeEncoderLoader(InferenceBatching.unbatched());
        try (CentroidSummarizer summarizer =
                loader.load("remote-summarizer", "1", settings(null), tokenizer, maxTokens)) {
            CentroidSummarizer.Extract remote = summarizer.summarize(TestNotes.CLINIC_NOTE);
            CentroidSummarizer.Extract local = TestModel.summarizer().summarize(TestNotes.CLINIC_NOTE);

            assertThat(summarizer.device()).isEqualTo("kserve-v2");
            assertThat(remote.servedVersion()).isEqualTo(KServeV2TestServer.VERSION);
            assertThat(local.servedVersion()).isNull();
            assertThat(remote.text()).isEqualTo(local.text());
            assertThat(remote.confidence()).isCloseTo(local.confidence(), within(1e-4));
        }
    }

    @Test
    void theRegistryKindLoadsFromAManifestAndTheConfiguredEndpoint(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String shipped = new String(
                new DefaultResourceLoader()
                        .getResource(TestModel.SHIPPED_MANIFEST)
                        .getInputStream()
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Path manifest = dir.resolve("model.yaml");
        java.nio.file.Files.writeString(
                manifest,
                shipped.replace("kind: extractive-summarizer", "kind: " + KServeSummarizerLoader.KIND)
                        .replace("name: clinical-summarizer-extractive", "name: remote-summarizer"));
        ModelArtifacts artifacts = new ModelArtifacts(new DefaultResourceLoader());
        KServeProperties.Endpoint endpoint = new KServeProperties.Endpoint(
                server.url(),
                KServeV2TestServer.MODEL,
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(20),
                3,
                Duration.ofMillis(10));
        KServeSummarizerLoader loader = new KServeSummarizerLoader(
                artifacts,
                InferenceBatching.unbatched(),
                new KServeProperties(java.util.Map.of("remote-summarizer", endpoint)));
        KServeSummarizerLoader unconfigured = new KServeSummarizerLoader(
                artifacts, InferenceBatching.unbatched(), new KServeProperties(java.util.Map.of()));
        ModelArtifacts.LocatedManifest located =
                artifacts.manifest(manifest.toUri().toString());

        try (ExtractiveSummarizerLoader.ExtractiveModel model = loader.load(located)) {
            model.warmUp();
            assertThat(model.device()).isEqualTo("kserve-v2");
            assertThat(model.summarizer().summarize(TestNotes.CLINIC_NOTE).text())
                    .isEqualTo(TestModel.summarizer()
                            .summarize(TestNotes.CLINIC_NOTE)
                            .text());
        }
        assertThatThrownBy(() -> unconfigured.load(located))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("attest.serving.kserve.endpoints.remote-summarizer.url");
    }

    @Test
    void eachPredictionRecordsTheVersionThatAnsweredItsOwnCalls() throws Exception {
        KServeEncoderLoader loader = new KServeEncoderLoader(InferenceBatching.unbatched());
        try (CentroidSummarizer summarizer =
                loader.load("remote-summarizer", "1", settings(null), tokenizer, maxTokens)) {
            server.answerAs("4");
            CentroidSummarizer.Extract afterARollout = summarizer.summarize(TestNotes.CLINIC_NOTE);
            server.answerAs("3");
            CentroidSummarizer.Extract afterARollback = summarizer.summarize(TestNotes.CLINIC_NOTE);

            assertThat(afterARollout.servedVersion()).isEqualTo("4");
            assertThat(afterARollback.servedVersion()).isEqualTo("3");
        }
    }

    @Test
    void anAnswerThatNamesNoVersionRecordsTheConfiguredOneOrNone() throws Exception {
        server.answerAs(null);
        try (SentenceEncoder pinned = remoteEncoder(KServeEncoderBackend.connect(new KServeV2Client(settings("3"))));
                SentenceEncoder unpinned =
                        remoteEncoder(KServeEncoderBackend.connect(new KServeV2Client(settings(null))))) {
            // the versioned path fixed the version; without it, the metadata's newest would be a guess
            assertThat(pinned.embed(SENTENCES).servedVersion()).isEqualTo("3");
            assertThat(unpinned.embed(SENTENCES).servedVersion()).isNull();
        }
    }

    @Test
    void anUnusableVersionFailsTheCall() throws Exception {
        KServeEncoderBackend backend = KServeEncoderBackend.connect(new KServeV2Client(settings(null)));
        try (SentenceEncoder remote = remoteEncoder(backend)) {
            server.answerAs("9".repeat(KServeEncoderBackend.MAX_VERSION_LENGTH + 1));
            assertThatThrownBy(() -> remote.embed(SENTENCES))
                    .isInstanceOf(RemoteInferenceException.class)
                    .hasMessageContaining("unusable model_version");
            server.answerAs("3\n4");
            assertThatThrownBy(() -> remote.embed(SENTENCES)).isInstanceOf(RemoteInferenceException.class);
        }
    }

    @Test
    void callsOfOneRequestAnsweredByTwoVersionsRecordBoth() throws Exception {
        // a server that moves from 3 to 4 between the request's two batches (40 sentences, 32 per call)
        Iterator<String> versions = List.of("3", "4").iterator();
        EncoderBackend switching = new EncoderBackend() {
            @Override
            public int dimensions() {
                return 4;
            }

            @Override
            public String device() {
                return "kserve-v2";
            }

            @Override
            public HiddenStates lastHiddenState(TokenBatch batch) {
                float[] ones = new float[batch.rows() * batch.tokens() * 4];
                Arrays.fill(ones, 1f);
                return new HiddenStates(FloatBuffer.wrap(ones), versions.hasNext() ? versions.next() : "4");
            }

            @Override
            public void close() {}
        };
        List<String> sentences = Collections.nCopies(40, "Fever.");
        try (SentenceEncoder encoder =
                SentenceEncoder.create(switching, tokenizer, maxTokens, ModelBatching.none("switching"))) {
            SentenceEncoder.Embeddings embeddings = encoder.embed(sentences);

            assertThat(embeddings.vectors()).hasNumberOfRows(40);
            assertThat(embeddings.servedVersion()).isEqualTo("3,4");
        }
    }

    @Test
    void theSummarizerAliasOnAKServeVersionDraftsWithTheServersVersion(@TempDir Path dir) throws Exception {
        String card = TestRegistry.shippedCard()
                .replace("model: clinical-summarizer-extractive", "model: remote-summarizer")
                .replace("kind: extractive-summarizer", "kind: " + KServeSummarizerLoader.KIND);
        String manifest = ModelManifestTest.shippedManifest()
                .replace("kind: extractive-summarizer", "kind: " + KServeSummarizerLoader.KIND)
                .replace("name: clinical-summarizer-extractive", "name: remote-summarizer")
                .replaceAll("(?m)^card:.*$", "card: card.md");
        new TestRegistry(dir).write("remote-summarizer", "1", manifest, card);
        ServingProperties properties = ServingProperties.defaults()
                .withDevice(ServingProperties.Device.CPU)
                .withRegistryDir(dir)
                .withAlias("summarizer", "remote-summarizer:1");
        DefaultResourceLoader resources = new DefaultResourceLoader();
        ModelArtifacts artifacts = new ModelArtifacts(resources);
        KServeProperties kserve = new KServeProperties(Map.of(
                "remote-summarizer",
                new KServeProperties.Endpoint(
                        server.url(),
                        KServeV2TestServer.MODEL,
                        null,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(20),
                        3,
                        Duration.ofMillis(10))));
        VersionedModelRegistry registry = new VersionedModelRegistry(
                new RegistryScanner(new PathMatchingResourcePatternResolver(resources)),
                artifacts,
                List.of(new KServeSummarizerLoader(artifacts, InferenceBatching.unbatched(), kserve)),
                properties);
        try {
            registry.start();
            SummaryDraft draft = new SummarizerModel(registry).summarize(TestNotes.CLINIC_NOTE);

            assertThat(draft.degraded()).isFalse();
            assertThat(draft.model().id()).isEqualTo("remote-summarizer:1");
            assertThat(draft.servedVersion()).isEqualTo(KServeV2TestServer.VERSION);
            assertThat(SummarizerModel.degraded(TestNotes.CLINIC_NOTE, draft.model())
                            .servedVersion())
                    .isNull();
        } finally {
            registry.close();
        }
    }

    @Test
    void theServersModelVersionIsKeptFromMetadataAndFromEachAnswer() throws Exception {
        KServeV2Client client = new KServeV2Client(settings(null));
        KServeEncoderBackend backend = KServeEncoderBackend.connect(client);
        // no version asked for: the metadata's newest
        assertThat(backend.servedVersion()).contains("3");

        KServeV2Client.InferResult result = client.infer(
                List.of(
                        new KServeV2Client.Input("input_ids", new long[] {1, 2}, new long[] {101, 102}),
                        new KServeV2Client.Input("attention_mask", new long[] {1, 2}, new long[] {1, 1}),
                        new KServeV2Client.Input("token_type_ids", new long[] {1, 2}, new long[] {0, 0})),
                List.of("last_hidden_state"));
        assertThat(result.modelName()).isEqualTo("minilm");
        assertThat(result.modelVersion()).isEqualTo("3");
        assertThat(result.output("last_hidden_state").shape()).containsExactly(1, 2, 384);
    }

    @Test
    void aVersionedPathIsUsedWhenAVersionIsConfigured() throws Exception {
        KServeEncoderBackend backend = KServeEncoderBackend.connect(new KServeV2Client(settings("3")));
        try (SentenceEncoder remote = remoteEncoder(backend)) {
            assertThat(remote.encode(SENTENCES)).hasNumberOfRows(3);
        }
    }

    @Test
    void fiveHundredsAreRetriedWithinTheBound() throws Exception {
        KServeEncoderBackend backend = KServeEncoderBackend.connect(new KServeV2Client(settings(null)));
        int before = server.inferCalls();
        server.failNext(2, 503);
        try (SentenceEncoder remote = remoteEncoder(backend)) {
            // one sentence: one model call
            assertThat(remote.encode(List.of("Chest pain for two days."))).hasNumberOfRows(1);
        }
        assertThat(server.inferCalls() - before).isEqualTo(3);
    }

    @Test
    void retriesStopAtMaxAttempts() throws Exception {
        KServeEncoderBackend backend = KServeEncoderBackend.connect(new KServeV2Client(settings(null)));
        int before = server.inferCalls();
        server.failNext(10, 500);

        assertThatThrownBy(() -> backend.lastHiddenState(TokenBatch.of(List.of())))
                .isInstanceOf(RemoteInferenceException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("attempt 3");
        assertThat(server.inferCalls() - before).isEqualTo(3);
    }

    @Test
    void fourHundredsAreNotRetried() throws Exception {
        KServeEncoderBackend backend = KServeEncoderBackend.connect(new KServeV2Client(settings(null)));
        int before = server.inferCalls();
        server.failNext(1, 400);

        assertThatThrownBy(() -> backend.lastHiddenState(TokenBatch.of(List.of())))
                .isInstanceOf(RemoteInferenceException.class)
                .hasMessageContaining("HTTP 400");
        assertThat(server.inferCalls() - before).isEqualTo(1);
    }

    @Test
    void aRequestOverItsTimeoutFailsAndIsNotRetried() throws Exception {
        KServeV2Settings quick = new KServeV2Settings(
                server.url(),
                KServeV2TestServer.MODEL,
                null,
                Duration.ofSeconds(2),
                Duration.ofMillis(200),
                3,
                Duration.ofMillis(10));
        KServeEncoderBackend backend = KServeEncoderBackend.connect(new KServeV2Client(quick));
        int before = server.inferCalls();
        CountDownLatch held = server.holdInference();
        try (SentenceEncoder remote = remoteEncoder(backend)) {
            assertThatThrownBy(() -> remote.encode(SENTENCES))
                    .isInstanceOf(RemoteInferenceException.class)
                    .hasMessageContaining("HttpTimeoutException");
        } finally {
            held.countDown();
        }
        assertThat(server.inferCalls() - before).isEqualTo(1);
    }

    @Test
    void anUnreachableServerIsRetriedThenRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KServeV2Client client = new KServeV2Client(new KServeV2Settings(
                URI.create("http://127.0.0.1:" + closedPort),
                "minilm",
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                2,
                Duration.ofMillis(10)));

        assertThat(client.serverReady()).isFalse();
        assertThatThrownBy(client::metadata)
                .isInstanceOf(RemoteInferenceException.class)
                .hasMessageContaining("unreachable after 2 attempts");
        assertThatThrownBy(() -> KServeEncoderBackend.connect(client))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("not ready");
    }

    @Test
    void aServerThatIsNotReadyIsRefusedAtLoad() {
        server.ready(false);

        assertThatThrownBy(() -> KServeEncoderBackend.connect(new KServeV2Client(settings(null))))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("/v2/health/ready");
    }

    @Test
    void anUnknownModelIsRefusedAtLoad() {
        KServeV2Settings other = new KServeV2Settings(
                server.url(),
                "no-such-model",
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                1,
                Duration.ofMillis(10));

        assertThatThrownBy(() -> KServeEncoderBackend.connect(new KServeV2Client(other)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("HTTP 404");
    }
}
