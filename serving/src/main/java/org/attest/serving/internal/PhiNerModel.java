package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.List;
import org.attest.serving.EntitySpan;
import org.attest.serving.ModelState;
import org.attest.serving.ModelStatus;
import org.attest.serving.ModelVersion;
import org.attest.serving.TokenClassifier;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The model behind the {@code phi-ner} alias: PENDING until {@link #load()} runs at startup, then READY, or FAILED
 * with a PHI-free reason (redaction then runs on its regular expressions alone and says so). Only {@code
 * device=cuda} on a machine without CUDA stops the application. Nothing here logs or throws text or entities.
 */
@Component
@EnableConfigurationProperties(TokenClassifierProperties.class)
final class PhiNerModel implements TokenClassifier, AutoCloseable {

    static final String ALIAS = "phi-ner";

    private static final Logger log = LoggerFactory.getLogger(PhiNerModel.class);

    private final TokenClassificationLoader loader;
    private final ModelArtifacts artifacts;
    private final String manifestLocation;
    private volatile Serving serving =
            new Serving(status(SummarizerModel.UNKNOWN_VERSION, ModelState.PENDING, null, null), null);

    PhiNerModel(OnnxRuntimeEngine engine, ModelArtifacts artifacts, TokenClassifierProperties properties) {
        this.loader = new TokenClassificationLoader(engine, artifacts);
        this.artifacts = artifacts;
        this.manifestLocation = properties.manifest();
    }

    private record Serving(ModelStatus status, @Nullable OnnxTokenClassifier model) {}

    /** Loads the model named by the manifest: PENDING to READY, or to FAILED. */
    @PostConstruct
    synchronized void load() {
        if (serving.status().state() != ModelState.PENDING) {
            throw new IllegalStateException("phi-ner is loaded once, at startup");
        }
        long started = System.nanoTime();
        ModelVersion version = SummarizerModel.UNKNOWN_VERSION;
        try {
            LocatedManifest manifest = artifacts.manifest(manifestLocation);
            version = manifest.manifest().modelVersion();
            OnnxTokenClassifier model = loader.load(manifest);
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
            log.error("Alias '{}' -> {} FAILED, redaction runs without NER: {}", ALIAS, version.id(), reason);
        }
    }

    @Override
    public List<List<EntitySpan>> classify(List<String> texts) {
        Serving current = serving;
        OnnxTokenClassifier model = current.model();
        if (model == null) {
            throw new IllegalStateException(
                    "model " + current.status().version().id() + " is not ready");
        }
        try {
            return model.classify(texts);
        } catch (OrtException | RuntimeException e) {
            // The class name only: a message could quote the input.
            throw new IllegalStateException(
                    "model " + current.status().version().id() + " failed on a batch ("
                            + e.getClass().getName() + ")");
        }
    }

    @Override
    public ModelStatus status() {
        return serving.status();
    }

    @PreDestroy
    @Override
    public synchronized void close() throws OrtException {
        OnnxTokenClassifier model = serving.model();
        ModelVersion version = serving.status().version();
        serving = new Serving(status(version, ModelState.FAILED, "shut down", null), null);
        if (model != null) {
            model.close();
        }
    }

    private static ModelStatus status(
            ModelVersion version, ModelState state, @Nullable String reason, @Nullable String device) {
        return new ModelStatus(ALIAS, version, state, reason, device);
    }
}
