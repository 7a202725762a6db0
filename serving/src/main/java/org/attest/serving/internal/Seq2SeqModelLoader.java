package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.Map;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;
import org.attest.serving.internal.ModelManifest.Artifact;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's loader for manifest kind {@code seq2seq} (a Hugging Face Optimum export): {@code encoder} is
 * {@code encoder_model.onnx}; {@code files} hold {@code decoder-merged}, or {@code decoder} and
 * {@code decoder-with-past}, and {@code generation-config} (the export's {@code generation_config.json}: special tokens
 * and defaults); {@code tokenizer} is the export's {@code tokenizer.json}; {@code max-tokens} bounds the source. Every
 * file is read only if its SHA-256 matches.
 */
final class Seq2SeqModelLoader implements ModelLoader {

    static final String DECODER_MERGED = "decoder-merged";
    static final String DECODER = "decoder";
    static final String DECODER_WITH_PAST = "decoder-with-past";
    static final String GENERATION_CONFIG = "generation-config";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Seq2SeqLoader sessions;
    private final ModelArtifacts artifacts;

    Seq2SeqModelLoader(OnnxRuntimeEngine engine, ModelArtifacts artifacts) {
        this.sessions = new Seq2SeqLoader(engine);
        this.artifacts = artifacts;
    }

    @Override
    public String kind() {
        return Seq2SeqLoader.KIND;
    }

    @Override
    public Seq2SeqLoaded load(LocatedManifest located) throws ModelLoadException, OrtException {
        ModelManifest manifest = located.manifest();
        if (!Seq2SeqLoader.KIND.equals(manifest.kind())) {
            throw new ModelLoadException("model " + manifest.id() + " is of kind '" + manifest.kind() + "', expected '"
                    + Seq2SeqLoader.KIND + "'");
        }
        Map<String, Artifact> files = manifest.files();
        Artifact config = files.get(GENERATION_CONFIG);
        if (config == null) {
            throw new ModelLoadException("model " + manifest.id() + " lists no files." + GENERATION_CONFIG
                    + " (the export's generation_config.json)");
        }
        GenerationSettings defaults = generationSettings(artifacts.readVerified(located, config), manifest.id());
        Seq2SeqLoader.Files onnx = new Seq2SeqLoader.Files(
                artifacts.readVerified(located, manifest.encoder()),
                read(located, files.get(DECODER_MERGED)),
                read(located, files.get(DECODER)),
                read(located, files.get(DECODER_WITH_PAST)));
        Seq2SeqModel model = sessions.load(manifest.id(), onnx, defaults);
        try {
            return new Seq2SeqLoaded(Seq2SeqGenerator.create(
                    model, artifacts.readVerified(located, manifest.tokenizer()), manifest.maxTokens()));
        } catch (ModelLoadException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private byte @Nullable [] read(LocatedManifest located, @Nullable Artifact artifact) throws ModelLoadException {
        return artifact == null ? null : artifacts.readVerified(located, artifact);
    }

    /**
     * Hugging Face {@code generation_config.json}: {@code decoder_start_token_id} and {@code eos_token_id} (a number or
     * the first of a list) are required; {@code max_new_tokens} (else {@code max_length}, else 128), {@code num_beams}
     * (1), {@code no_repeat_ngram_size} (0) and {@code length_penalty} (1.0) are the defaults of every request.
     */
    static GenerationSettings generationSettings(byte[] json, String id) throws ModelLoadException {
        JsonNode config;
        try {
            config = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ModelLoadException("model " + id + ": generation_config.json is not valid JSON", e);
        }
        JsonNode eos = config.path("eos_token_id").isArray()
                ? config.path("eos_token_id").path(0)
                : config.path("eos_token_id");
        if (!config.path("decoder_start_token_id").isIntegralNumber() || !eos.isIntegralNumber()) {
            throw new ModelLoadException(
                    "model " + id + ": generation_config.json needs decoder_start_token_id and eos_token_id");
        }
        int maxNew =
                config.path("max_new_tokens").asInt(config.path("max_length").asInt(128));
        try {
            return new GenerationSettings(
                    maxNew,
                    config.path("num_beams").asInt(1),
                    config.path("no_repeat_ngram_size").asInt(0),
                    config.path("decoder_start_token_id").asInt(),
                    eos.asInt(),
                    config.path("length_penalty").asDouble(1.0));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException("model " + id + ": generation_config.json: " + e.getMessage(), e);
        }
    }

    /**
     * A loaded seq2seq model with its tokenizer.
     *
     * @param generator text in, text out
     */
    record Seq2SeqLoaded(Seq2SeqGenerator generator) implements LoadedModel {

        /** A fixed, synthetic input: no patient's text ever runs at warm-up. */
        static final String WARM_UP_TEXT = "summarize: Cough and fever for three days. Lungs are clear.";

        @Override
        public String device() {
            return generator.device();
        }

        @Override
        public void warmUp() throws OrtException {
            generator.warmUp(WARM_UP_TEXT);
        }

        @Override
        public void close() throws OrtException {
            generator.close();
        }
    }
}
