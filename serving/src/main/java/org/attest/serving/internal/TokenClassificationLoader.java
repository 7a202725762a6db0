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
 * under {@code encoder}, its {@code tokenizer}, and two keys of this kind only: {@code labels} (the export's {@code
 * config.json}, with its SHA-256) and the optional {@code window-overlap} (tokens shared by neighbouring windows,
 * default a quarter of {@code max-tokens}). Every file is read only if its SHA-256 matches. The same loader runs the
 * project's {@code phi-ner} and a de-identification model a user exports from Hugging Face.
 */
final class TokenClassificationLoader {

    static final String KIND = "token-classification";

    private final OnnxRuntimeEngine engine;
    private final ModelArtifacts artifacts;

    TokenClassificationLoader(OnnxRuntimeEngine engine, ModelArtifacts artifacts) {
        this.engine = engine;
        this.artifacts = artifacts;
    }

    /**
     * Loads the model.
     *
     * @throws ModelLoadException when the manifest describes another kind, a key is missing, or a file is missing or
     *     altered
     * @throws OrtException when ONNX Runtime cannot load the model
     * @throws CudaUnavailableException when {@code device=cuda} and the model cannot run on CUDA
     */
    OnnxTokenClassifier load(LocatedManifest located) throws ModelLoadException, OrtException {
        ModelManifest manifest = located.manifest();
        if (!KIND.equals(manifest.kind())) {
            throw new ModelLoadException(
                    "model " + manifest.id() + " is of kind '" + manifest.kind() + "', expected '" + KIND + "'");
        }
        Extras extras = extras(located);
        TokenLabels labels = TokenLabels.fromConfig(artifacts.readVerified(located, extras.labels()));
        byte[] tokenizer = artifacts.readVerified(located, manifest.tokenizer());
        byte[] model = artifacts.readVerified(located, manifest.encoder());
        EngineSession session = engine.open(model, manifest.id());
        try {
            return OnnxTokenClassifier.create(session, tokenizer, labels, manifest.maxTokens(), extras.overlap());
        } catch (ModelLoadException | OrtException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The keys only this kind has. */
    private record Extras(Artifact labels, int overlap) {}

    private static Extras extras(LocatedManifest located) throws ModelLoadException {
        String source = located.manifest().id();
        Object root;
        try (InputStream in = located.resource().getInputStream()) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException | YAMLException e) {
            throw new ModelLoadException("manifest of " + source + " cannot be read again", e);
        }
        if (!(root instanceof Map<?, ?> map)
                || !(map.get("labels") instanceof Map<?, ?> labels)
                || !(labels.get("location") instanceof String location)
                || !(labels.get("sha256") instanceof String sha256)) {
            throw new ModelLoadException("manifest of " + source + ": 'labels' needs a location and a sha256");
        }
        int maxTokens = located.manifest().maxTokens();
        Object overlap = map.get("window-overlap");
        int tokens = overlap instanceof Number number ? number.intValue() : maxTokens / 4;
        if (tokens < 0 || tokens >= maxTokens / 2) {
            throw new ModelLoadException("manifest of " + source + ": window-overlap must be in 0..max-tokens/2");
        }
        return new Extras(new Artifact(location, sha256), tokens);
    }
}
