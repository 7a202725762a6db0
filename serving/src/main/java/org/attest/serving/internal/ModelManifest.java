package org.attest.serving.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.attest.serving.ModelVersion;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A model version's {@code model.yaml}: what it is, which files it needs and their SHA-256, its inputs, outputs and
 * labels, its release threshold and its model card. Keys every kind has are checked here; keys of one kind (such as
 * {@code pooling}) are checked by that kind's loader.
 *
 * @param name the model's name
 * @param version the version within that name
 * @param kind what the model does, e.g. {@code extractive-summarizer}; picks the loader
 * @param encoder the primary ONNX artifact, whose SHA-256 is recorded with every prediction
 * @param tokenizer the Hugging Face {@code tokenizer.json}
 * @param pooling how token vectors become one vector, or null when the kind has none
 * @param maxTokens the longest input, in tokens, the model sees; longer inputs are truncated or windowed
 * @param confidenceThreshold below it, a prediction goes to review; the card states the same number
 * @param card where the model card is: a {@code classpath:} location or a path relative to the manifest
 * @param files further files (e.g. {@code config.json}, a decoder), by role, each with its SHA-256
 * @param inputs the ONNX input names the model is fed, empty when the kind's defaults apply
 * @param outputs the ONNX output names read, empty when the kind's defaults apply
 * @param labels output labels in index order, empty when the kind has none
 */
record ModelManifest(
        String name,
        String version,
        String kind,
        Artifact encoder,
        Artifact tokenizer,
        @Nullable String pooling,
        int maxTokens,
        double confidenceThreshold,
        String card,
        Map<String, Artifact> files,
        List<String> inputs,
        List<String> outputs,
        List<String> labels) {

    static final int DEFAULT_MAX_TOKENS = 512;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    ModelManifest {
        files = Map.copyOf(files);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        labels = List.copyOf(labels);
    }

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
                root.containsKey("pooling") ? text(root, "pooling", source) : null,
                root.containsKey("max-tokens") ? (int) number(root, "max-tokens", source) : DEFAULT_MAX_TOKENS,
                number(root, "confidence-threshold", source),
                text(root, "card", source),
                files(root, source),
                names(root, "inputs", source),
                names(root, "outputs", source),
                names(root, "labels", source));
        manifest.validate(source);
        return manifest;
    }

    /** The version recorded with each prediction: the encoder's SHA-256 identifies the artifact. */
    ModelVersion modelVersion(@Nullable String cardSha256) {
        return new ModelVersion(name, version, encoder.sha256(), confidenceThreshold, cardSha256);
    }

    /** The version without its card, for messages and tests. */
    ModelVersion modelVersion() {
        return modelVersion(null);
    }

    /** {@code name:version}. */
    String id() {
        return name + ":" + version;
    }

    /** Every file the manifest names, the encoder and tokenizer first. */
    List<Artifact> allFiles() {
        List<Artifact> all = new ArrayList<>(List.of(encoder, tokenizer));
        all.addAll(files.values());
        return all;
    }

    private void validate(String source) throws ModelLoadException {
        check(NAME.matcher(name).matches(), source, "name must be lower-case letters, digits, '.', '_' or '-'");
        check(NAME.matcher(version).matches(), source, "version must be lower-case letters, digits, '.', '_' or '-'");
        check(SHA_256.matcher(encoder.sha256()).matches(), source, "encoder.sha256 must be 64 lower-case hex digits");
        check(
                SHA_256.matcher(tokenizer.sha256()).matches(),
                source,
                "tokenizer.sha256 must be 64 lower-case hex digits");
        for (Map.Entry<String, Artifact> file : files.entrySet()) {
            check(
                    SHA_256.matcher(file.getValue().sha256()).matches(),
                    source,
                    "files." + file.getKey() + ".sha256 must be 64 lower-case hex digits");
        }
        check(maxTokens >= 1 && maxTokens <= 8192, source, "max-tokens must be in 1..8192");
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

    private static Map<String, Artifact> files(Map<?, ?> root, String source) throws ModelLoadException {
        if (!root.containsKey("files")) {
            return Map.of();
        }
        Map<String, Artifact> files = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : asMap(root.get("files"), source, "files").entrySet()) {
            String role = String.valueOf(entry.getKey());
            Map<?, ?> file = asMap(entry.getValue(), source, "files." + role);
            files.put(role, new Artifact(text(file, "location", source), text(file, "sha256", source)));
        }
        return files;
    }

    private static List<String> names(Map<?, ?> root, String key, String source) throws ModelLoadException {
        Object value = root.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ModelLoadException("manifest " + source + ": '" + key + "' must be a list");
        }
        List<String> names = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String || item instanceof Number)
                    || item.toString().isBlank()) {
                throw new ModelLoadException("manifest " + source + ": '" + key + "' must list non-empty texts");
            }
            names.add(item.toString().strip());
        }
        return names;
    }

    static Map<?, ?> asMap(@Nullable Object value, String source, String what) throws ModelLoadException {
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
