package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;
import org.attest.serving.internal.ModelManifest.Artifact;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Builds a ready {@link OnnxTokenClassifier} from a manifest of kind {@code token-classification}: the ONNX export
 * under {@code encoder}, its {@code tokenizer}, the labels (the export's {@code config.json} as {@code files.config},
 * with its SHA-256, or a {@code labels} list in the manifest) and the optional {@code window-overlap} (tokens shared by
 * neighbouring windows, default a quarter of {@code max-tokens}). Every file is read only if its SHA-256 matches. The same loader runs the
 * project's {@code phi-ner} and a de-identification model a user exports from Hugging Face.
 */
final class TokenClassificationLoader implements ModelLoader {

    static final String KIND = "token-classification";

    /** The role of the export's {@code config.json} under {@code files}. */
    static final String CONFIG = "config";

    private final OnnxRuntimeEngine engine;
    private final ModelArtifacts artifacts;
    private final InferenceBatching batching;

    TokenClassificationLoader(OnnxRuntimeEngine engine, ModelArtifacts artifacts, InferenceBatching batching) {
        this.engine = engine;
        this.artifacts = artifacts;
        this.batching = batching;
    }

    /** Without batching across requests: for tests and tools. */
    TokenClassificationLoader(OnnxRuntimeEngine engine, ModelArtifacts artifacts) {
        this(engine, artifacts, InferenceBatching.unbatched());
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * Loads the model.
     *
     * @throws ModelLoadException when the manifest describes another kind, a key is missing, or a file is missing or
     *     altered
     * @throws OrtException when ONNX Runtime cannot load the model
     * @throws CudaUnavailableException when {@code device=cuda} and the model cannot run on CUDA
     */
    @Override
    public OnnxTokenClassifier load(LocatedManifest located) throws ModelLoadException, OrtException {
        ModelManifest manifest = located.manifest();
        if (!KIND.equals(manifest.kind())) {
            throw new ModelLoadException(
                    "model " + manifest.id() + " is of kind '" + manifest.kind() + "', expected '" + KIND + "'");
        }
        int overlap = overlap(located);
        Artifact config = manifest.files().get(CONFIG);
        TokenLabels labels;
        if (config != null) {
            labels = TokenLabels.fromConfig(artifacts.readVerified(located, config));
        } else if (!manifest.labels().isEmpty()) {
            labels = new TokenLabels(manifest.labels());
        } else {
            throw new ModelLoadException("manifest of " + manifest.id() + " has neither files.config nor labels");
        }
        byte[] tokenizer = artifacts.readVerified(located, manifest.tokenizer());
        byte[] model = artifacts.readVerified(located, manifest.encoder());
        EngineSession session = engine.open(model, manifest.id());
        try {
            return OnnxTokenClassifier.create(
                    session,
                    tokenizer,
                    labels,
                    manifest.maxTokens(),
                    overlap,
                    new ModelBatching(batching, manifest.name(), manifest.version()));
        } catch (ModelLoadException | OrtException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The key only this kind has. */
    private static int overlap(LocatedManifest located) throws ModelLoadException {
        String source = located.manifest().id();
        Object root;
        try (InputStream in = located.resource().getInputStream()) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException | YAMLException e) {
            throw new ModelLoadException("manifest of " + source + " cannot be read again", e);
        }
        int maxTokens = located.manifest().maxTokens();
        Object overlap = root instanceof Map<?, ?> map ? map.get("window-overlap") : null;
        int tokens = overlap instanceof Number number ? number.intValue() : maxTokens / 4;
        if (tokens < 0 || tokens >= maxTokens / 2) {
            throw new ModelLoadException("manifest of " + source + ": window-overlap must be in 0..max-tokens/2");
        }
        return tokens;
    }
}
