package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.attest.serving.internal.ServingProperties.Device;
import org.junit.jupiter.api.Test;

/** Text in, text out: a word-level {@code tokenizer.json} over the test export's 8-token vocabulary. */
class Seq2SeqGeneratorTest {

    /** T5-like: pad 0, end-of-sequence 1 appended to every source; unknown words map to pad (test only). */
    static final String TOKENIZER = """
            {"version":"1.0","truncation":null,"padding":null,
             "added_tokens":[
               {"id":0,"content":"<pad>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},
               {"id":1,"content":"</s>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true}],
             "normalizer":null,
             "pre_tokenizer":{"type":"Whitespace"},
             "post_processor":{"type":"TemplateProcessing",
               "single":[{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"</s>","type_id":0}}],
               "pair":[{"Sequence":{"id":"A","type_id":0}},{"Sequence":{"id":"B","type_id":0}}],
               "special_tokens":{"</s>":{"id":"</s>","ids":[1],"tokens":["</s>"]}}},
             "decoder":null,
             "model":{"type":"WordLevel","vocab":{"<pad>":0,"</s>":1,"chest":2,"pain":3,"fever":4,"cough":5,"rest":6,
               "ache":7},"unk_token":"<pad>"}}""";

    private static Seq2SeqGenerator generator() throws Exception {
        OptimumTestExport export = new OptimumTestExport(2, 3, 2, Seq2SeqModelTest.greedyIsNotBest(), 1, -1);
        Seq2SeqModel model = new Seq2SeqLoader(
                        new OnnxRuntimeEngine(ServingProperties.defaults().withDevice(Device.CPU)))
                .load(
                        "test-seq2seq:1",
                        Seq2SeqLoader.Files.merged(export.encoder(), export.merged()),
                        GenerationSettings.greedy(10));
        return Seq2SeqGenerator.create(model, TOKENIZER.getBytes(StandardCharsets.UTF_8), 16);
    }

    @Test
    void decodesTheGeneratedTokensWithoutSpecialTokens() throws Exception {
        try (Seq2SeqGenerator generator = generator()) {
            Seq2SeqGenerator.Output greedy = generator.generate("chest pain");
            Seq2SeqGenerator.Output beam = generator.generate(
                    "chest pain", GenerationSettings.greedy(10).withBeams(2));

            assertThat(greedy.text()).isEqualTo("chest fever");
            assertThat(greedy.confidence())
                    .isCloseTo(Math.cbrt(0.5 * 0.34 * 0.9), org.assertj.core.api.Assertions.within(1e-5));
            assertThat(beam.text()).isEqualTo("pain ache");
        }
    }

    @Test
    void generationSettingsAreReadFromAManifestMappingWithDefaults() throws ModelLoadException {
        GenerationSettings settings = GenerationSettings.parse(
                Map.of("max-new-tokens", 64, "decoder-start-token-id", 0, "eos-token-id", 1), "m.yaml");

        assertThat(settings).isEqualTo(new GenerationSettings(64, 1, 0, 0, 1, 1.0));
        assertThatThrownBy(() -> GenerationSettings.parse(Map.of("max-new-tokens", 64), "m.yaml"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("generation.decoder-start-token-id");
        assertThatThrownBy(() -> GenerationSettings.parse(
                        Map.of("max-new-tokens", 0, "decoder-start-token-id", 0, "eos-token-id", 1), "m.yaml"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("max-new-tokens");
    }
}
