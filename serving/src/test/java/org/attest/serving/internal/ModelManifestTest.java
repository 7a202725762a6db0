package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.attest.serving.ModelVersion;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class ModelManifestTest {

    private static final String SHIPPED = "models/clinical-summarizer-extractive/1/model.yaml";

    static String shippedManifest() throws IOException {
        return new ClassPathResource(SHIPPED).getContentAsString(StandardCharsets.UTF_8);
    }

    private static ModelManifest parse(String yaml) throws ModelLoadException {
        return ModelManifest.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void parsesTheShippedManifest() throws IOException, ModelLoadException {
        ModelManifest manifest;
        try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
            manifest = ModelManifest.parse(in, SHIPPED);
        }

        assertThat(manifest.name()).isEqualTo("clinical-summarizer-extractive");
        assertThat(manifest.version()).isEqualTo("1");
        assertThat(manifest.id()).isEqualTo("clinical-summarizer-extractive:1");
        assertThat(manifest.kind()).isEqualTo("extractive-summarizer");
        assertThat(manifest.encoder().location()).isEqualTo("classpath:all-minilm-l6-v2.onnx");
        assertThat(manifest.encoder().sha256())
                .isEqualTo("759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e");
        assertThat(manifest.tokenizer().location()).isEqualTo("classpath:all-minilm-l6-v2-tokenizer.json");
        assertThat(manifest.pooling()).isEqualTo("mean");
        assertThat(manifest.maxTokens()).isEqualTo(256);
        assertThat(manifest.confidenceThreshold()).isEqualTo(0.5);
        assertThat(manifest.card()).isEqualTo("classpath:model-cards/clinical-summarizer-extractive/1.md");
        assertThat(manifest.inputs()).containsExactly("input_ids", "attention_mask", "token_type_ids");
        assertThat(manifest.outputs()).containsExactly("last_hidden_state");
        assertThat(manifest.labels()).isEmpty();
        assertThat(manifest.files()).isEmpty();
        assertThat(manifest.allFiles()).containsExactly(manifest.encoder(), manifest.tokenizer());
        assertThat(manifest.modelVersion())
                .isEqualTo(new ModelVersion(
                        "clinical-summarizer-extractive",
                        "1",
                        "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e",
                        0.5));
    }

    @Test
    void acceptsAQuotedOrNumericVersion() throws IOException, ModelLoadException {
        assertThat(parse(shippedManifest().replace("version: \"1\"", "version: 2"))
                        .version())
                .isEqualTo("2");
    }

    @Test
    void rejectsAMissingKey() throws IOException {
        String yaml = shippedManifest().replaceAll("(?m)^kind:.*$", "");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("'kind'");
    }

    @Test
    void rejectsAMalformedSha256() throws IOException {
        String yaml = shippedManifest().replace("759c3cd2", "XYZ");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("encoder.sha256");
    }

    @Test
    void rejectsAThresholdOutsideZeroToOne() throws IOException {
        String yaml = shippedManifest().replaceAll("(?m)^confidence-threshold:.*$", "confidence-threshold: 1.5");

        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("confidence-threshold must be in [0,1]");
    }

    @Test
    void rejectsATextWhereANumberBelongs() throws IOException {
        String yaml = shippedManifest().replaceAll("(?m)^max-tokens:.*$", "max-tokens: many");

        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("'max-tokens' must be a number");
    }

    @Test
    void rejectsAnArtifactThatIsNotAMapping() throws IOException {
        String yaml = shippedManifest().replaceAll("(?ms)^tokenizer:.*?(?=^pooling)", "tokenizer: tokenizer.json\n");

        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("tokenizer must be a mapping");
    }

    @Test
    void rejectsInvalidYamlAndNonMappingDocuments() {
        assertThatThrownBy(() -> parse("name: [unclosed")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> parse("- a list")).hasMessageContaining("the document must be a mapping");
    }

    @Test
    void rejectsAManifestWithoutACardReference() throws IOException {
        String yaml = shippedManifest().replaceAll("(?m)^card:.*$", "");

        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("'card' must be a non-empty text");
    }

    @Test
    void readsFurtherFilesAndLabelsAndChecksTheirHashes() throws IOException, ModelLoadException {
        String extra = "\nfiles:\n  config:\n    location: config.json\n    sha256: \"" + "ab".repeat(32) + "\"\n"
                + "labels: [O, B-NAME, I-NAME]\n";

        ModelManifest manifest = parse(shippedManifest() + extra);

        assertThat(manifest.files()).containsKey("config");
        assertThat(manifest.labels()).containsExactly("O", "B-NAME", "I-NAME");
        assertThat(manifest.allFiles()).hasSize(3);
        assertThatThrownBy(() -> parse(shippedManifest() + extra.replace("ab".repeat(32), "abc")))
                .hasMessageContaining("files.config.sha256 must be 64 lower-case hex digits");
        assertThatThrownBy(() -> parse(shippedManifest() + "\nlabels: O\n"))
                .hasMessageContaining("'labels' must be a list");
    }

    @Test
    void kindSettingsAreOptionalHere() throws IOException, ModelLoadException {
        String yaml = shippedManifest().replaceAll("(?m)^(pooling|max-tokens):.*$", "");

        ModelManifest manifest = parse(yaml);

        assertThat(manifest.pooling()).isNull();
        assertThat(manifest.maxTokens()).isEqualTo(ModelManifest.DEFAULT_MAX_TOKENS);
    }

    @Test
    void rejectsAnUpperCaseName() throws IOException {
        String yaml = shippedManifest().replace("name: clinical-summarizer-extractive", "name: Clinical");

        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("name must be lower-case");
    }
}
