package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.List;
import org.attest.serving.ModelState;
import org.attest.serving.ModelStatus;
import org.attest.serving.ModelVersion;
import org.attest.serving.Summarizer;
import org.attest.serving.SummaryDraft;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;
import org.attest.serving.internal.NoteUnit.Kind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The model behind the {@code summarizer} alias, with its lifecycle: PENDING until {@link #load()} runs at startup,
 * then READY, or FAILED with a PHI-free reason. A FAILED model answers with a degraded draft (the first units of the
 * text, confidence 0) so that the application stays up and every prediction goes to review. Only
 * {@code device=cuda} on a machine without CUDA stops the application.
 *
 * <p>Nothing here logs or throws the text or the summary: logs carry model names, versions, devices and timings.
 */
@Component
final class SummarizerModel implements Summarizer, AutoCloseable {

    static final String ALIAS = "summarizer";

    /** Reported when even the manifest cannot be read; threshold 1 so that nothing could pass on it. */
    static final ModelVersion UNKNOWN_VERSION = new ModelVersion("unknown", "0", "unknown", 1.0);

    static final int DEGRADED_UNITS = 3;

    private static final Logger log = LoggerFactory.getLogger(SummarizerModel.class);

    private final ExtractiveSummarizerLoader loader;
    private final ModelArtifacts artifacts;
    private final String manifestLocation;
    private volatile Serving serving = new Serving(status(UNKNOWN_VERSION, ModelState.PENDING, null, null), null);

    SummarizerModel(OnnxRuntimeEngine engine, ModelArtifacts artifacts, ServingProperties properties) {
        this.loader = new ExtractiveSummarizerLoader(engine, artifacts);
        this.artifacts = artifacts;
        this.manifestLocation = properties.summarizer().manifest();
    }

    /** What requests are served with; replaced as a whole so that a request sees one consistent state. */
    private record Serving(ModelStatus status, @Nullable CentroidSummarizer model) {}

    /**
     * Loads the model named by the manifest: PENDING to READY, or to FAILED.
     *
     * @throws CudaUnavailableException when {@code device=cuda} and CUDA cannot be used
     */
    @PostConstruct
    synchronized void load() {
        if (serving.status().state() != ModelState.PENDING) {
            throw new IllegalStateException("the summarizer is loaded once, at startup");
        }
        long started = System.nanoTime();
        ModelVersion version = UNKNOWN_VERSION;
        try {
            LocatedManifest manifest = artifacts.manifest(manifestLocation);
            version = manifest.manifest().modelVersion();
            CentroidSummarizer model = loader.load(manifest);
            serving = new Serving(status(version, ModelState.READY, null, model.device()), model);
            log.info(
                    "Alias '{}' -> {} READY on {} in {} ms",
                    ALIAS,
                    version.id(),
                    model.device(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (CudaUnavailableException e) {
            throw e;
        } catch (ModelLoadException | OrtException | RuntimeException e) {
            String reason = e instanceof ModelLoadException ? e.getMessage() : "cannot load: " + e;
            serving = new Serving(status(version, ModelState.FAILED, reason, null), null);
            log.error("Alias '{}' -> {} FAILED, predictions are degraded: {}", ALIAS, version.id(), reason);
        }
    }

    @Override
    public SummaryDraft summarize(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("text to summarize must not be blank");
        }
        Serving current = serving;
        ModelVersion version = current.status().version();
        CentroidSummarizer model = current.model();
        if (model == null) {
            return degraded(text, version);
        }
        try {
            long started = System.nanoTime();
            CentroidSummarizer.Extract extract = model.summarize(text);
            log.debug(
                    "{} summarized {} units in {} ms",
                    version.id(),
                    extract.candidates(),
                    (System.nanoTime() - started) / 1_000_000);
            return new SummaryDraft(extract.text(), extract.confidence(), version, false, extract.outOfDistribution());
        } catch (OrtException | RuntimeException e) {
            // The class name only: a message could quote the input.
            log.error(
                    "{} failed on a request ({}); answering degraded",
                    version.id(),
                    e.getClass().getName());
            return degraded(text, version);
        }
    }

    @Override
    public ModelStatus status() {
        return serving.status();
    }

    /** Closes the session; later requests get degraded drafts. */
    @PreDestroy
    @Override
    public synchronized void close() throws OrtException {
        CentroidSummarizer model = serving.model();
        ModelVersion version = serving.status().version();
        serving = new Serving(status(version, ModelState.FAILED, "shut down", null), null);
        if (model != null) {
            model.close();
            log.info("Alias '{}' -> {} closed", ALIAS, version.id());
        }
    }

    /** The first few units of the text, with no model at all: never released without review. */
    static SummaryDraft degraded(String text, ModelVersion version) {
        List<NoteUnit> units = NoteSegmenter.segment(text);
        List<NoteUnit> content =
                units.stream().filter(unit -> unit.kind() != Kind.HEADER).toList();
        List<NoteUnit> lead = (content.isEmpty() ? units : content)
                .stream().limit(DEGRADED_UNITS).toList();
        return new SummaryDraft(NoteUnit.render(lead), 0.0, version, true);
    }

    private static ModelStatus status(
            ModelVersion version, ModelState state, @Nullable String reason, @Nullable String device) {
        return new ModelStatus(ALIAS, version, state, reason, device);
    }
}
