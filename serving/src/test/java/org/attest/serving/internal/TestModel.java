package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;
import org.attest.serving.internal.ServingProperties.Device;
import org.springframework.core.io.DefaultResourceLoader;

/** The shipped model, loaded once per test JVM on CPU and shared by the test classes that only read from it. */
final class TestModel {

    static final String SHIPPED_MANIFEST = "classpath:models/clinical-summarizer-extractive/1/model.yaml";

    private static final CentroidSummarizer SUMMARIZER;
    private static final SentenceEncoder ENCODER;

    static {
        try {
            OnnxRuntimeEngine engine =
                    new OnnxRuntimeEngine(ServingProperties.defaults().withDevice(Device.CPU));
            ModelArtifacts artifacts = new ModelArtifacts(new DefaultResourceLoader());
            LocatedManifest located = artifacts.manifest(SHIPPED_MANIFEST);
            ModelManifest manifest = located.manifest();
            EngineSession session = engine.open(artifacts.readVerified(located, manifest.encoder()), manifest.id());
            ENCODER = SentenceEncoder.create(
                    session, artifacts.readVerified(located, manifest.tokenizer()), manifest.maxTokens());
            SUMMARIZER = new CentroidSummarizer(ENCODER, ClinicalAnchors.embed(ENCODER));
        } catch (ModelLoadException | OrtException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestModel() {}

    static SentenceEncoder encoder() {
        return ENCODER;
    }

    static CentroidSummarizer summarizer() {
        return SUMMARIZER;
    }
}
