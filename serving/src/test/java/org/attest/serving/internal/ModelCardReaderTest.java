package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.attest.serving.ModelCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model card's front matter against its manifest. */
class ModelCardReaderTest {

    ModelManifest manifest;
    String card;

    @BeforeEach
    void shipped() throws IOException, ModelLoadException {
        manifest = ModelManifest.parse(
                new ByteArrayInputStream(ModelManifestTest.shippedManifest().getBytes(StandardCharsets.UTF_8)),
                "model.yaml");
        card = TestRegistry.shippedCard();
    }

    private ModelCard read(String text) throws ModelLoadException {
        return ModelCardReader.read(text.getBytes(StandardCharsets.UTF_8), "card.md", manifest);
    }

    @Test
    void readsTheShippedCardWithItsScopeAndHash() throws ModelLoadException {
        ModelCard read = read(card);

        assertThat(read.model()).isEqualTo("clinical-summarizer-extractive");
        assertThat(read.version()).isEqualTo("1");
        assertThat(read.confidenceThreshold()).isEqualTo(0.5);
        assertThat(read.sha256()).isEqualTo(ModelArtifacts.sha256(card.getBytes(StandardCharsets.UTF_8)));
        assertThat(read.scope()).isEqualTo(new ModelCard.Scope(1, 20000, java.util.List.of("en")));
        assertThat(read.content()).isEqualTo(card);
    }

    @Test
    void theScopeIsOptional() throws ModelLoadException {
        String withoutScope = card.replaceAll("(?ms)^scope:\\n.*?(?=^---)", "");

        assertThat(read(withoutScope).scope()).isNull();
    }

    @Test
    void refusesACardOfAnotherModelVersionOrKind() {
        assertThatThrownBy(() -> read(card.replace("version: \"1\"", "version: \"2\"")))
                .hasMessageContaining("'version' is '2' but the manifest says '1'");
        assertThatThrownBy(() -> read(card.replace("kind: extractive-summarizer", "kind: seq2seq")))
                .hasMessageContaining("'kind' is 'seq2seq'");
        assertThatThrownBy(() -> read(card.replace("model: clinical-summarizer-extractive", "model: other")))
                .hasMessageContaining("'model' is 'other'");
    }

    @Test
    void refusesMissingOrMistypedKeys() {
        assertThatThrownBy(() -> read(card.replaceAll("(?m)^license:.*$", "license: \"\"")))
                .hasMessageContaining("'license' must be a non-empty text or list");
        assertThatThrownBy(() -> read(card.replaceAll("(?m)^  command:.*$", "")))
                .hasMessageContaining("'command' must be a non-empty text or list");
        assertThatThrownBy(() -> read(card.replaceAll("(?m)^confidence-threshold:.*$", "confidence-threshold: high")))
                .hasMessageContaining("'confidence-threshold' must be a number");
        assertThatThrownBy(() -> read(card.replace("max-chars: 20000", "max-chars: 0")))
                .hasMessageContaining("'scope.max-chars' must not be below min-chars");
    }

    @Test
    void refusesAMalformedFile() {
        assertThatThrownBy(() -> read("# just Markdown\n")).hasMessageContaining("must start with a '---' line");
        assertThatThrownBy(() -> read("---\nmodel: x\n")).hasMessageContaining("no closing '---' line");
        assertThatThrownBy(() -> read("---\nmodel: [x\n---\n")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ModelCardReader.read(new byte[] {'-', '-', '-', (byte) 0xC3}, "card.md", manifest))
                .hasMessageContaining("is not UTF-8");
    }
}
