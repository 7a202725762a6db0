package org.attest.serving.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Text in, text out on a {@link Seq2SeqModel}: the export's {@code tokenizer.json} encodes the source (special tokens
 * added as the model was trained, e.g. T5's {@code </s>}; truncated to {@code maxSourceTokens}) and decodes the
 * generated tokens without special tokens.
 */
final class Seq2SeqGenerator implements AutoCloseable {

    private final Seq2SeqModel model;
    private final HuggingFaceTokenizer tokenizer;

    private Seq2SeqGenerator(Seq2SeqModel model, HuggingFaceTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /**
     * @param tokenizerJson the export's verified {@code tokenizer.json}
     * @param maxSourceTokens longer sources are truncated (T5: 512, BART: 1024)
     */
    static Seq2SeqGenerator create(Seq2SeqModel model, byte[] tokenizerJson, int maxSourceTokens)
            throws ModelLoadException {
        Map<String, String> options =
                Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(maxSourceTokens));
        try {
            return new Seq2SeqGenerator(
                    model, HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), options));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(
                    "tokenizer cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * What the model generated for a text, and the generation behind it.
     *
     * @param text the decoded output, special tokens removed
     * @param generation tokens, per-token log-probabilities, whether it finished
     */
    record Output(String text, Generation generation) {

        double confidence() {
            return generation.confidence();
        }
    }

    /** The device the model runs on. */
    String device() {
        return model.device();
    }

    /** One token of generation on a fixed text, so that the first request does not pay for lazy setup. */
    void warmUp(String text) throws OrtException {
        generate(text, model.defaults().withMaxNewTokens(1).withBeams(1));
    }

    Output generate(String source) throws OrtException {
        return generate(source, null);
    }

    /** Generates with the given settings, or the model's defaults when null. */
    Output generate(String source, @org.jspecify.annotations.Nullable GenerationSettings settings) throws OrtException {
        Encoding encoding = tokenizer.encode(source);
        Generation generation =
                settings == null ? model.generate(encoding.getIds()) : model.generate(encoding.getIds(), settings);
        long[] ids = generation.tokens().stream().mapToLong(Integer::longValue).toArray();
        return new Output(tokenizer.decode(ids, true), generation);
    }

    @Override
    public void close() throws OrtException {
        tokenizer.close();
        model.close();
    }
}
