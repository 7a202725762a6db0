package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;

/**
 * Builds a ready {@link CentroidSummarizer} from its manifest: checks the kind, reads the encoder and tokenizer only if
 * their SHA-256 match, opens the encoder session on the configured device and embeds the clinical anchors.
 */
final class ExtractiveSummarizerLoader {

    static final String KIND = "extractive-summarizer";
    static final String POOLING = "mean";

    private final OnnxRuntimeEngine engine;
    private final ModelArtifacts artifacts;
    private final InferenceBatching batching;

    ExtractiveSummarizerLoader(OnnxRuntimeEngine engine, ModelArtifacts artifacts, InferenceBatching batching) {
        this.engine = engine;
        this.artifacts = artifacts;
        this.batching = batching;
    }

    /** A loader whose encoders run each request alone (no micro-batching). */
    ExtractiveSummarizerLoader(OnnxRuntimeEngine engine, ModelArtifacts artifacts) {
        this(engine, artifacts, InferenceBatching.unbatched());
    }

    /**
     * Loads the model.
     *
     * @throws ModelLoadException when the manifest describes another kind of model or a file is missing or altered
     * @throws OrtException when ONNX Runtime cannot load or run the encoder
     * @throws CudaUnavailableException when {@code device=cuda} and the encoder cannot run on CUDA
     */
    CentroidSummarizer load(LocatedManifest located) throws ModelLoadException, OrtException {
        ModelManifest manifest = located.manifest();
        if (!KIND.equals(manifest.kind())) {
            throw new ModelLoadException(
                    "model " + manifest.id() + " is of kind '" + manifest.kind() + "', expected '" + KIND + "'");
        }
        if (!POOLING.equals(manifest.pooling())) {
            throw new ModelLoadException(
                    "model " + manifest.id() + " asks for pooling '" + manifest.pooling() + "'; only 'mean' exists");
        }
        byte[] tokenizer = artifacts.readVerified(located, manifest.tokenizer());
        byte[] encoder = artifacts.readVerified(located, manifest.encoder());
        EngineSession session = engine.open(encoder, manifest.id());
        SentenceEncoder sentences;
        try {
            sentences = SentenceEncoder.create(
                    session,
                    tokenizer,
                    manifest.maxTokens(),
                    new SentenceEncoder.Batching(batching, manifest.name(), manifest.version()));
        } catch (ModelLoadException | OrtException | RuntimeException e) {
            session.close();
            throw e;
        }
        try {
            return new CentroidSummarizer(sentences, ClinicalAnchors.embed(sentences));
        } catch (OrtException | RuntimeException e) {
            sentences.close();
            throw e;
        }
    }
}
