package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;
import org.attest.serving.internal.ServingProperties.Device;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The serving engine's real sentence encoder — session, tokenizer, micro-batcher, meters — on the shipped MiniLM, for
 * the serving benchmarks (it lives in this package to reach the package-private parts).
 */
public final class ServingBenchRig implements AutoCloseable {

    private static final ModelArtifacts ARTIFACTS = new ModelArtifacts(new DefaultResourceLoader());
    private static final String SHIPPED_MANIFEST = "classpath:models/clinical-summarizer-extractive/1/model.yaml";

    private final SentenceEncoder encoder;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private ServingBenchRig(Device device, int intraOpThreads, boolean spinning, BatchingProperties batching)
            throws OrtException {
        OnnxRuntimeEngine engine = new OnnxRuntimeEngine(
                ServingProperties.defaults().withDevice(device).withThreads(intraOpThreads, 0, spinning));
        try {
            LocatedManifest located = shipped();
            ModelManifest manifest = located.manifest();
            EngineSession session = engine.open(ARTIFACTS.readVerified(located, manifest.encoder()), manifest.id());
            this.encoder = SentenceEncoder.create(
                    session,
                    ARTIFACTS.readVerified(located, manifest.tokenizer()),
                    manifest.maxTokens(),
                    new ModelBatching(new InferenceBatching(batching, registry), manifest.name(), manifest.version()));
        } catch (ModelLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The encoder with micro-batching on or off, and the application's default instances and threads.
     *
     * @param device {@code auto}, {@code cuda} or {@code cpu}
     */
    public static ServingBenchRig open(String device, boolean batching, int maxBatchSize, Duration maxQueueDelay)
            throws OrtException {
        ServingProperties shipped = ServingProperties.defaults();
        return open(
                device,
                batching,
                maxBatchSize,
                maxQueueDelay,
                BatchingProperties.defaults().instances(),
                shipped.intraOpThreads(),
                shipped.spinning());
    }

    /**
     * The encoder with micro-batching on or off, {@code instances} batch workers and sessions using
     * {@code intraOpThreads} threads per operator (0: ONNX Runtime's default) that busy-wait or not.
     */
    public static ServingBenchRig open(
            String device,
            boolean batching,
            int maxBatchSize,
            Duration maxQueueDelay,
            int instances,
            int intraOpThreads,
            boolean spinning)
            throws OrtException {
        BatchingProperties settings =
                new BatchingProperties(batching, maxBatchSize, maxQueueDelay, 65_536, instances, Duration.ofSeconds(1));
        return new ServingBenchRig(
                Device.valueOf(device.toUpperCase(java.util.Locale.ROOT)), intraOpThreads, spinning, settings);
    }

    /** Embeds sentences through the engine. */
    public float[][] encode(List<String> sentences) throws OrtException {
        return encoder.encode(sentences);
    }

    /** Where the encoder runs. */
    public String device() {
        return encoder.device();
    }

    /** Sentences embedded so far, from the engine's own batch-size meter. */
    public double sentencesEmbedded() {
        return Search.in(registry).name(InferenceMetrics.PREFIX + "batch.size").summaries().stream()
                .mapToDouble(s -> s.totalAmount())
                .sum();
    }

    /** Model calls so far. */
    public long modelCalls() {
        return Search.in(registry).name(InferenceMetrics.PREFIX + "batch.size").summaries().stream()
                .mapToLong(s -> s.count())
                .sum();
    }

    /**
     * Sentences the shipped summarizer's encoder embedded according to any registry's serving meters (e.g. the running
     * application's, where the {@code phi-ner} windows have batch-size meters of their own).
     */
    public static double embedded(Search search) {
        return search
                .name(InferenceMetrics.PREFIX + "batch.size")
                .tag("model", shipped().manifest().name())
                .summaries()
                .stream()
                .mapToDouble(s -> s.totalAmount())
                .sum();
    }

    /** Seconds spent in model calls per model name, according to any registry's serving meters. */
    public static Map<String, Double> computeSeconds(Search search) {
        Map<String, Double> seconds = new TreeMap<>();
        for (Timer timer : search.name(InferenceMetrics.PREFIX + "compute").timers()) {
            seconds.merge(timer.getId().getTag("model"), timer.totalTime(TimeUnit.SECONDS), Double::sum);
        }
        return seconds;
    }

    /** The units of a note that the summarizer embeds, in order. */
    public static List<String> units(String note) {
        return SummaryCandidates.of(NoteSegmenter.segment(note)).stream()
                .map(NoteUnit::content)
                .toList();
    }

    /** The shipped encoder's ONNX file, verified. */
    public static byte[] encoderBytes() {
        LocatedManifest located = shipped();
        return verified(located, located.manifest().encoder());
    }

    /** The shipped encoder's {@code tokenizer.json}, verified. */
    public static byte[] tokenizerBytes() {
        LocatedManifest located = shipped();
        return verified(located, located.manifest().tokenizer());
    }

    /** The manifest's truncation length. */
    public static int maxTokens() {
        return shipped().manifest().maxTokens();
    }

    private static LocatedManifest shipped() {
        try {
            return ARTIFACTS.manifest(SHIPPED_MANIFEST);
        } catch (ModelLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static byte[] verified(LocatedManifest located, ModelManifest.Artifact artifact) {
        try {
            return ARTIFACTS.readVerified(located, artifact);
        } catch (ModelLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws OrtException {
        encoder.close();
    }
}
