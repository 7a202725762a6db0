package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import org.attest.serving.internal.ExtractiveSummarizerLoader.ExtractiveModel;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;

/**
 * The registry's loader for manifest kind {@code kserve-v2-extractive-summarizer}: the extractive summarizer with its
 * encoder served by a remote Triton/KServe server ({@link KServeEncoderLoader}), at the endpoint configured under
 * {@code attest.serving.kserve.endpoints.<name>}. The manifest's {@code encoder} is the ONNX file the server serves:
 * it is verified here too, so that the SHA-256 recorded with each prediction is of a file that exists; the server's
 * own {@code model_version} is recorded next to it, per prediction ({@link CentroidSummarizer.Extract#servedVersion()}).
 */
final class KServeSummarizerLoader implements ModelLoader {

    static final String KIND = "kserve-v2-extractive-summarizer";

    private final ModelArtifacts artifacts;
    private final KServeEncoderLoader remote;
    private final KServeProperties properties;

    KServeSummarizerLoader(ModelArtifacts artifacts, InferenceBatching batching, KServeProperties properties) {
        this.artifacts = artifacts;
        this.remote = new KServeEncoderLoader(batching);
        this.properties = properties;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ExtractiveModel load(LocatedManifest located) throws ModelLoadException, OrtException {
        ModelManifest manifest = located.manifest();
        if (!KIND.equals(manifest.kind())) {
            throw new ModelLoadException(
                    "model " + manifest.id() + " is of kind '" + manifest.kind() + "', expected '" + KIND + "'");
        }
        KServeProperties.Endpoint endpoint = properties.endpoints().get(manifest.name());
        if (endpoint == null) {
            throw new ModelLoadException(
                    "model " + manifest.id() + " has no attest.serving.kserve.endpoints." + manifest.name() + ".url");
        }
        artifacts.readVerified(located, manifest.encoder());
        byte[] tokenizer = artifacts.readVerified(located, manifest.tokenizer());
        return new ExtractiveModel(
                remote.load(manifest.name(), manifest.version(), endpoint.settings(), tokenizer, manifest.maxTokens()));
    }
}
