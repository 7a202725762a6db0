package org.attest.serving.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.attest.serving.ModelCard;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Validates a model card ({@code model-cards/<name>/<version>.md}): UTF-8, a YAML front matter between two
 * {@code ---} lines with the keys {@code model}, {@code version}, {@code kind} (equal to the manifest's),
 * {@code intended-use}, {@code out-of-scope}, {@code license}, {@code evaluation} (a mapping with {@code command} and
 * {@code metrics}), {@code confidence-threshold} (equal to the manifest's) and an optional {@code scope}
 * ({@code min-chars}, {@code max-chars}, {@code languages}), then a Markdown body.
 */
final class ModelCardReader {

    private static final String FENCE = "---";

    private ModelCardReader() {}

    static ModelCard read(byte[] content, String source, ModelManifest manifest) throws ModelLoadException {
        String text = utf8(content, source);
        Map<?, ?> front = frontMatter(text, source);
        equal(front, "model", manifest.name(), source);
        equal(front, "version", manifest.version(), source);
        equal(front, "kind", manifest.kind(), source);
        statement(front, "intended-use", source);
        statement(front, "out-of-scope", source);
        statement(front, "license", source);
        Map<?, ?> evaluation = mapping(front.get("evaluation"), "evaluation", source);
        statement(evaluation, "command", source);
        Object metrics = evaluation.get("metrics");
        check(
                (metrics instanceof Map<?, ?> map && !map.isEmpty())
                        || (metrics instanceof Collection<?> list && !list.isEmpty()),
                source,
                "'evaluation.metrics' must be a non-empty mapping or list");
        double threshold = number(front, "confidence-threshold", source);
        check(
                threshold == manifest.confidenceThreshold(),
                source,
                "confidence-threshold " + threshold + " differs from the manifest's " + manifest.confidenceThreshold());
        ModelCard.Scope scope =
                front.containsKey("scope") ? scope(mapping(front.get("scope"), "scope", source), source) : null;
        return new ModelCard(
                manifest.name(), manifest.version(), ModelArtifacts.sha256(content), threshold, scope, text);
    }

    private static String utf8(byte[] content, String source) throws ModelLoadException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ModelLoadException("model card " + source + " is not UTF-8", e);
        }
    }

    private static Map<?, ?> frontMatter(String text, String source) throws ModelLoadException {
        List<String> lines = text.lines().toList();
        check(!lines.isEmpty() && lines.getFirst().strip().equals(FENCE), source, "must start with a '---' line");
        int end = -1;
        for (int i = 1; i < lines.size() && end < 0; i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                end = i;
            }
        }
        check(end > 0, source, "the front matter has no closing '---' line");
        try {
            Object yaml =
                    new Yaml(new SafeConstructor(new LoaderOptions())).load(String.join("\n", lines.subList(1, end)));
            return mapping(yaml, "the front matter", source);
        } catch (YAMLException e) {
            throw new ModelLoadException("model card " + source + ": the front matter is not valid YAML", e);
        }
    }

    private static ModelCard.Scope scope(Map<?, ?> scope, String source) throws ModelLoadException {
        Integer min = scope.containsKey("min-chars") ? (int) number(scope, "min-chars", source) : null;
        Integer max = scope.containsKey("max-chars") ? (int) number(scope, "max-chars", source) : null;
        check(min == null || min >= 0, source, "'scope.min-chars' must not be negative");
        check(min == null || max == null || max >= min, source, "'scope.max-chars' must not be below min-chars");
        List<String> languages = new ArrayList<>();
        Object value = scope.get("languages");
        if (value != null) {
            check(value instanceof List<?>, source, "'scope.languages' must be a list");
            for (Object language : (List<?>) value) {
                languages.add(String.valueOf(language));
            }
        }
        return new ModelCard.Scope(min, max, List.copyOf(languages));
    }

    private static void equal(Map<?, ?> front, String key, String expected, String source) throws ModelLoadException {
        Object value = front.get(key);
        String actual = value == null ? null : value.toString().strip();
        check(
                expected.equals(actual),
                source,
                "'" + key + "' is '" + actual + "' but the manifest says '" + expected + "'");
    }

    /** A non-empty text, or a non-empty list of them. */
    private static void statement(Map<?, ?> map, String key, String source) throws ModelLoadException {
        Object value = map.get(key);
        boolean text = value instanceof String s && !s.isBlank();
        boolean list = value instanceof List<?> items && !items.isEmpty();
        check(text || list, source, "'" + key + "' must be a non-empty text or list");
    }

    private static Map<?, ?> mapping(@Nullable Object value, String what, String source) throws ModelLoadException {
        check(value instanceof Map<?, ?>, source, what + " must be a mapping");
        return (Map<?, ?>) value;
    }

    private static double number(Map<?, ?> map, String key, String source) throws ModelLoadException {
        check(map.get(key) instanceof Number, source, "'" + key + "' must be a number");
        return ((Number) map.get(key)).doubleValue();
    }

    private static void check(boolean valid, String source, String rule) throws ModelLoadException {
        if (!valid) {
            throw new ModelLoadException("model card " + source + ": " + rule);
        }
    }
}
