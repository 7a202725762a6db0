package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.attest.serving.EntitySpan;
import org.attest.serving.internal.ServingProperties.Device;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The token-classification kind end to end on a real ONNX graph in the Hugging Face shape (a lookup table from token
 * id to label scores) and the shipped BERT WordPiece tokenizer: manifest, hashes, labels from config.json, windows,
 * BIO decoding and exact UTF-16 offsets.
 */
class TokenClassificationLoaderTest {

    private static final List<String> LABELS = List.of("O", "B-PATIENT", "I-PATIENT", "B-CITY", "I-CITY");
    private static final OnnxRuntimeEngine ENGINE =
            new OnnxRuntimeEngine(ServingProperties.defaults().withDevice(Device.CPU));

    @TempDir
    static Path dir;

    private static OnnxTokenClassifier classifier;

    @BeforeAll
    static void exportAndLoad() throws Exception {
        classifier = load(write(dir, "token-classification", 32, 8, LABELS));
    }

    @AfterAll
    static void close() throws Exception {
        classifier.close();
    }

    @Test
    void findsEntitiesAtExactOffsetsAfterEmojiAndNonBmpCharacters() throws Exception {
        String text = "😀🩺 Dr. Zoë 𝔑g saw Omar Haddad in Boston, then 👨‍👩‍👧 Haddad again.";

        List<EntitySpan> spans = classifier.classify(List.of(text)).getFirst();

        assertThat(spans)
                .extracting(s -> s.label() + ":" + text.substring(s.start(), s.end()))
                .containsExactly("PATIENT:Zoë", "PATIENT:Omar Haddad", "CITY:Boston", "PATIENT:Haddad");
        assertThat(spans).allSatisfy(s -> assertThat(s.score()).isGreaterThan(0.99));
    }

    @Test
    void readsLongTextsInOverlappingWindowsWithoutLosingOrDoublingAnEntity() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("the patient is stable today and ");
            if (i % 3 == 0) {
                text.append("Omar Haddad ");
            }
        }
        String note = text.toString();

        List<EntitySpan> spans = classifier.classify(List.of(note)).getFirst();

        assertThat(spans).hasSize(14);
        assertThat(spans)
                .allSatisfy(s -> assertThat(note.substring(s.start(), s.end())).isEqualTo("Omar Haddad"));
    }

    @Test
    void classifiesABatchOfTextsInOrderIncludingEmptyOnes() throws Exception {
        List<List<EntitySpan>> spans = classifier.classify(List.of("Boston", "", "nothing here", "Omar"));

        assertThat(spans).hasSize(4);
        assertThat(spans.get(0)).extracting(EntitySpan::label).containsExactly("CITY");
        assertThat(spans.get(1)).isEmpty();
        assertThat(spans.get(2)).isEmpty();
        assertThat(spans.get(3)).extracting(EntitySpan::label).containsExactly("PATIENT");
    }

    @Test
    void concurrentRequestsShareBatchedModelCallsAndGetTheirUnbatchedEntities() throws Exception {
        List<String> texts = List.of(
                "Omar Haddad was seen in Boston.",
                "nothing here at all",
                "Zoë Haddad and Omar",
                "the patient moved to Boston last year, Omar Haddad says");
        // due only when full: four requests of one window each make one model call of four windows
        BatchingProperties settings =
                new BatchingProperties(true, texts.size(), Duration.ofHours(1), 64, 1, Duration.ofSeconds(1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ModelArtifacts artifacts = new ModelArtifacts(new DefaultResourceLoader());
        Path manifest = write(dir.resolve("batched"), "token-classification", 32, 8, LABELS);
        List<List<EntitySpan>> batched = new ArrayList<>();
        try (OnnxTokenClassifier model = new TokenClassificationLoader(
                                ENGINE, artifacts, new InferenceBatching(settings, registry))
                        .load(artifacts.manifest(manifest.toUri().toString()));
                ExecutorService callers = Executors.newFixedThreadPool(texts.size())) {
            List<Future<List<EntitySpan>>> replies = new ArrayList<>();
            for (String text : texts) {
                replies.add(callers.submit(() -> model.classify(List.of(text)).getFirst()));
            }
            for (Future<List<EntitySpan>> reply : replies) {
                batched.add(reply.get());
            }
            DistributionSummary sizes = registry.get("attest.serving.inference.batch.size")
                    .tag("model", "lookup-ner")
                    .summary();
            assertThat(sizes.count()).isEqualTo(1);
            assertThat(sizes.totalAmount()).isEqualTo(texts.size());
        }
        assertThat(batched).isEqualTo(classifier.classify(texts));
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void refusesAnotherKindMismatchedLabelsAndAlteredFiles(@TempDir Path other) throws Exception {
        assertThatThrownBy(() -> load(write(other.resolve("kind"), "extractive-summarizer", 32, 8, LABELS)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("expected 'token-classification'");
        Path fewer = write(other.resolve("labels"), "token-classification", 32, 8, LABELS);
        Files.writeString(fewer.getParent().resolve("config.json"), "{\"id2label\": {\"0\": \"O\", \"1\": \"B-X\"}}");
        assertThatThrownBy(() -> load(fewer))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("SHA-256");
        Path overlap = write(other.resolve("overlap"), "token-classification", 32, 20, LABELS);
        assertThatThrownBy(() -> load(overlap))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("window-overlap");
    }

    @Test
    void labelsMustMatchTheLogits(@TempDir Path other) throws Exception {
        Path manifest = write(other, "token-classification", 32, 8, List.of("O", "B-PATIENT", "I-PATIENT"));

        assertThatThrownBy(() -> load(manifest))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("logits have 5 labels");
    }

    private static OnnxTokenClassifier load(Path manifest) throws Exception {
        ModelArtifacts artifacts = new ModelArtifacts(new DefaultResourceLoader());
        return new TokenClassificationLoader(ENGINE, artifacts)
                .load(artifacts.manifest(manifest.toUri().toString()));
    }

    /** Writes model.onnx, tokenizer.json, config.json and model.yaml into {@code dir}; returns the manifest. */
    static Path write(Path dir, String kind, int maxTokens, int overlap, List<String> labels) throws IOException {
        Files.createDirectories(dir);
        byte[] tokenizerJson;
        try (InputStream in =
                TokenClassificationLoaderTest.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            tokenizerJson = in.readAllBytes();
        }
        Map<Long, Integer> labelled = new HashMap<>();
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                new java.io.ByteArrayInputStream(tokenizerJson), Map.of("padding", "false"))) {
            label(tokenizer, labelled, "zoe omar haddad", 1);
            label(tokenizer, labelled, "boston", 3);
        }
        byte[] model = LookupTokenClassifier.model(30522, 5, labelled);
        StringBuilder config = new StringBuilder("{\"id2label\": {");
        for (int i = 0; i < labels.size(); i++) {
            config.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(i)
                    .append("\": \"")
                    .append(labels.get(i))
                    .append('"');
        }
        byte[] configJson = config.append("}}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(dir.resolve("model.onnx"), model);
        Files.write(dir.resolve("tokenizer.json"), tokenizerJson);
        Files.write(dir.resolve("config.json"), configJson);
        Files.writeString(dir.resolve("card.md"), card(kind));
        Path manifest = dir.resolve("model.yaml");
        Files.writeString(
                manifest,
                String.join(
                        "\n",
                        "name: lookup-ner",
                        "version: \"1\"",
                        "kind: " + kind,
                        "encoder: {location: model.onnx, sha256: \"" + ModelArtifacts.sha256(model) + "\"}",
                        "tokenizer: {location: tokenizer.json, sha256: \"" + ModelArtifacts.sha256(tokenizerJson)
                                + "\"}",
                        "files: {config: {location: config.json, sha256: \"" + ModelArtifacts.sha256(configJson)
                                + "\"}}",
                        "card: card.md",
                        "max-tokens: " + maxTokens,
                        "window-overlap: " + overlap,
                        "confidence-threshold: 0.5",
                        ""));
        return manifest;
    }

    /** A valid card for the manifest {@link #write} writes. */
    static String card(String kind) {
        return String.join(
                "\n",
                "---",
                "model: lookup-ner",
                "version: \"1\"",
                "kind: " + kind,
                "intended-use: tests of the token-classification kind",
                "out-of-scope: everything else",
                "license: Apache-2.0",
                "evaluation: {command: none, metrics: {none: 0}}",
                "confidence-threshold: 0.5",
                "---",
                "A lookup table, not a model.",
                "");
    }

    /** Every word's first token gets label {@code begin}, its other tokens {@code begin + 1}; "omar haddad" is one. */
    private static void label(HuggingFaceTokenizer tokenizer, Map<Long, Integer> labelled, String words, int begin) {
        for (String word : words.split(" ")) {
            long[] ids = tokenizer.encode(word, false, false).getIds();
            boolean continues = word.equals("haddad");
            for (int i = 0; i < ids.length; i++) {
                labelled.put(ids[i], i == 0 && !continues ? begin : begin + 1);
            }
        }
    }
}
