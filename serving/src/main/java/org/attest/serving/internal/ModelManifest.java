package org.attest.serving.internal;

import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;
import org.attest.serving.ModelVersion;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A model version's {@code model.yaml}: what it is, which files it needs and their SHA-256, and its release threshold.
 *
 * @param name the model's name
 * @param version the version within that name
 * @param kind what the model does, e.g. {@code extractive-summarizer}
 * @param encoder the ONNX encoder
 * @param tokenizer the Hugging Face {@code tokenizer.json}
 * @param pooling how token vectors become one sentence vector; only {@code mean} is supported
 * @param maxTokens the longest input, in tokens, the encoder sees; longer inputs are truncated
 * @param confidenceThreshold below it, a prediction goes to review
 */
record ModelManifest(
        String name,
        String version,
        String kind,
        Artifact encoder,
        Artifact tokenizer,
        String pooling,
        int maxTokens,
        double confidenceThreshold) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * A file the model needs.
     *
     * @param location a Spring resource location ({@code classpath:}, {@code file:}) or a path relative to the
     *     manifest
     * @param sha256 its expected SHA-256, lower-case hex
     */
    record Artifact(String location, String sha256) {}

    /**
     * Reads a manifest.
     *
     * @param yaml the manifest's content
     * @param source where it came from, for error messages
     * @throws ModelLoadException when it is not valid YAML or misses or mistypes a key
     */
    static ModelManifest parse(InputStream yaml, String source) throws ModelLoadException {
        Map<?, ?> root;
        try {
            root = asMap(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml), source, "the document");
        } catch (YAMLException e) {
            throw new ModelLoadException("manifest " + source + " is not valid YAML", e);
        }
        ModelManifest manifest = new ModelManifest(
                text(root, "name", source),
                text(root, "version", source),
                text(root, "kind", source),
                artifact(root, "encoder", source),
                artifact(root, "tokenizer", source),
                text(root, "pooling", source),
                (int) number(root, "max-tokens", source),
                number(root, "confidence-threshold", source));
        manifest.validate(source);
        return manifest;
    }

    /** The version recorded with each prediction: the encoder's SHA-256 identifies the artifact. */
    ModelVersion modelVersion() {
        return new ModelVersion(name, version, encoder.sha256(), confidenceThreshold);
    }

    /** {@code name:version}. */
    String id() {
        return name + ":" + version;
    }

    private void validate(String source) throws ModelLoadException {
        check(NAME.matcher(name).matches(), source, "name must be lower-case letters, digits, '.', '_' or '-'");
        check(NAME.matcher(version).matches(), source, "version must be lower-case letters, digits, '.', '_' or '-'");
        check(SHA_256.matcher(encoder.sha256()).matches(), source, "encoder.sha256 must be 64 lower-case hex digits");
        check(
                SHA_256.matcher(tokenizer.sha256()).matches(),
                source,
                "tokenizer.sha256 must be 64 lower-case hex digits");
        check(maxTokens >= 1 && maxTokens <= 512, source, "max-tokens must be in 1..512");
        check(confidenceThreshold >= 0 && confidenceThreshold <= 1, source, "confidence-threshold must be in [0,1]");
    }

    private static void check(boolean valid, String source, String rule) throws ModelLoadException {
        if (!valid) {
            throw new ModelLoadException("manifest " + source + ": " + rule);
        }
    }

    private static Artifact artifact(Map<?, ?> root, String key, String source) throws ModelLoadException {
        Map<?, ?> artifact = asMap(root.get(key), source, key);
        return new Artifact(text(artifact, "location", source), text(artifact, "sha256", source));
    }

    private static Map<?, ?> asMap(Object value, String source, String what) throws ModelLoadException {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new ModelLoadException("manifest " + source + ": " + what + " must be a mapping");
    }

    private static String text(Map<?, ?> map, String key, String source) throws ModelLoadException {
        Object value = map.get(key);
        // YAML reads "version: 1" as a number; a version is a name, so accept both.
        if (value instanceof String || value instanceof Number) {
            String text = value.toString().strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        throw new ModelLoadException("manifest " + source + ": '" + key + "' must be a non-empty text");
    }

    private static double number(Map<?, ?> map, String key, String source) throws ModelLoadException {
        if (map.get(key) instanceof Number number) {
            return number.doubleValue();
        }
        throw new ModelLoadException("manifest " + source + ": '" + key + "' must be a number");
    }
}
