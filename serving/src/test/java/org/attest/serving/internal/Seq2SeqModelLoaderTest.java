package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attest.serving.internal.ServingProperties.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** Kind {@code seq2seq} through a manifest, as the registry loads it: files by role, hashes, generation_config.json. */
class Seq2SeqModelLoaderTest {

    static final String GENERATION_CONFIG =
            "{\"decoder_start_token_id\": 0, \"eos_token_id\": [1], \"max_length\": 10, \"num_beams\": 1}";

    @TempDir
    Path folder;

    private final ModelArtifacts artifacts = new ModelArtifacts(new DefaultResourceLoader());
    private final Seq2SeqModelLoader loader = new Seq2SeqModelLoader(
            new OnnxRuntimeEngine(ServingProperties.defaults().withDevice(Device.CPU)), artifacts);

    private ModelArtifacts.LocatedManifest export(String generationConfig, boolean tamper) throws Exception {
        Path manifest = writeExport(folder, generationConfig);
        if (tamper) {
            OptimumTestExport export = new OptimumTestExport(2, 3, 2, Seq2SeqModelTest.greedyIsNotBest(), 1, -1);
            Files.write(folder.resolve("decoder_model_merged.onnx"), export.decoder());
        }
        return artifacts.manifest(manifest.toUri().toString());
    }

    /** Writes a tiny Optimum-shaped export (merged decoder) of {@code test-seq2seq:1} into a folder; its manifest. */
    static Path writeExport(Path folder, String generationConfig) throws Exception {
        Files.createDirectories(folder);
        OptimumTestExport export = new OptimumTestExport(2, 3, 2, Seq2SeqModelTest.greedyIsNotBest(), 1, -1);
        String encoder = write(folder, "encoder_model.onnx", export.encoder());
        String merged = write(folder, "decoder_model_merged.onnx", export.merged());
        String tokenizer =
                write(folder, "tokenizer.json", Seq2SeqGeneratorTest.TOKENIZER.getBytes(StandardCharsets.UTF_8));
        String config = write(folder, "generation_config.json", generationConfig.getBytes(StandardCharsets.UTF_8));
        String manifest = """
                name: test-seq2seq
                version: "1"
                kind: seq2seq
                encoder: {location: encoder_model.onnx, sha256: "%s"}
                tokenizer: {location: tokenizer.json, sha256: "%s"}
                max-tokens: 16
                files:
                  decoder-merged: {location: decoder_model_merged.onnx, sha256: "%s"}
                  generation-config: {location: generation_config.json, sha256: "%s"}
                confidence-threshold: 0.5
                card: card.md
                """.formatted(encoder, tokenizer, merged, config);
        Files.writeString(folder.resolve("model.yaml"), manifest);
        return folder.resolve("model.yaml");
    }

    private static String write(Path folder, String name, byte[] content) throws IOException {
        Files.write(folder.resolve(name), content);
        return ModelArtifacts.sha256(content);
    }

    @Test
    void loadsAnExportFromItsManifestAndGeneratesText() throws Exception {
        try (Seq2SeqModelLoader.Seq2SeqLoaded loaded = loader.load(export(GENERATION_CONFIG, false))) {
            loaded.warmUp();

            assertThat(loaded.device()).isEqualTo("cpu");
            assertThat(loaded.generator().generate("chest pain").text()).isEqualTo("chest fever");
        }
    }

    @Test
    void aFileThatDoesNotMatchItsHashIsRefused() {
        assertThatThrownBy(() -> loader.load(export(GENERATION_CONFIG, true)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("decoder_model_merged.onnx")
                .hasMessageContaining("SHA-256");
    }

    @Test
    void generationConfigWithoutSpecialTokensIsRefused() {
        assertThatThrownBy(() -> loader.load(export("{\"num_beams\": 4}", false)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("decoder_start_token_id");
    }

    @Test
    void generationConfigKeysFollowHuggingFace() throws ModelLoadException {
        GenerationSettings settings = Seq2SeqModelLoader.generationSettings(
                ("{\"decoder_start_token_id\": 2, \"eos_token_id\": 2, \"max_new_tokens\": 64, \"num_beams\": 4,"
                                + " \"no_repeat_ngram_size\": 3, \"length_penalty\": 2.0}")
                        .getBytes(StandardCharsets.UTF_8),
                "bart:1");

        assertThat(settings).isEqualTo(new GenerationSettings(64, 4, 3, 2, 2, 2.0));
    }
}
