package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.Set;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;

/**
 * Builds a ready {@link CentroidSummarizer} from its manifest: checks the kind and its settings, reads the encoder and
 * tokenizer only if their SHA-256 match, opens the encoder session on the configured device, checks the inputs the
 * manifest declares against the session, and embeds the clinical anchors.
 */
final class ExtractiveSummarizerLoader implements ModelLoader {

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
        if (!POOLING.equals(manifest.pooling())) {
            throw new ModelLoadException(
                    "model " + manifest.id() + " asks for pooling '" + manifest.pooling() + "'; only 'mean' exists");
        }
        byte[] tokenizer = artifacts.readVerified(located, manifest.tokenizer());
        byte[] encoder = artifacts.readVerified(located, manifest.encoder());
        EngineSession session = engine.open(encoder, manifest.id());
        SentenceEncoder sentences;
        try {
            checkDeclaredNames(manifest, session);
            sentences = SentenceEncoder.create(
                    session,
                    tokenizer,
                    manifest.maxTokens(),
                    new ModelBatching(batching, manifest.name(), manifest.version()));
        } catch (ModelLoadException | OrtException | RuntimeException e) {
            session.close();
            throw e;
        }
        try {
            return new ExtractiveModel(new CentroidSummarizer(sentences, ClinicalAnchors.embed(sentences)));
        } catch (OrtException | RuntimeException e) {
            sentences.close();
            throw e;
        }
    }

    /** Inputs and outputs the manifest lists must exist in the ONNX graph: a wrong export is refused at load. */
    private static void checkDeclaredNames(ModelManifest manifest, EngineSession session)
            throws ModelLoadException, OrtException {
        Set<String> inputs = session.session().getInputNames();
        Set<String> outputs = session.session().getOutputNames();
        for (String input : manifest.inputs()) {
            if (!inputs.contains(input)) {
                throw new ModelLoadException("model " + manifest.id() + " declares input '" + input
                        + "' that the encoder does not have (it has " + inputs + ")");
            }
        }
        for (String output : manifest.outputs()) {
            if (!outputs.contains(output)) {
                throw new ModelLoadException("model " + manifest.id() + " declares output '" + output
                        + "' that the encoder does not have (it has " + outputs + ")");
            }
        }
    }

    /**
     * A loaded extractive summarizer.
     *
     * @param summarizer the summarizer, with its open encoder session
     */
    record ExtractiveModel(CentroidSummarizer summarizer) implements LoadedModel {

        /** A fixed, synthetic note: no patient's text ever runs at warm-up. */
        static final String WARM_UP_TEXT = "Cough and fever for three days. Lungs are clear on examination. "
                + "Chest X-ray shows no infiltrate. Plan: rest, fluids and review in one week.";

        @Override
        public String device() {
            return summarizer.device();
        }

        @Override
        public void warmUp() throws OrtException {
            summarizer.summarize(WARM_UP_TEXT);
        }

        @Override
        public void close() throws OrtException {
            summarizer.close();
        }
    }
}
