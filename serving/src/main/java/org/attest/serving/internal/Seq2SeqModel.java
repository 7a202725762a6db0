package org.attest.serving.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.Result;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * A loaded Hugging Face Optimum seq2seq export (T5, FLAN-T5, BART): the encoder runs once per request, then the
 * decoder step by step with its cache, under greedy or beam search. Sessions are shared by all threads; each request
 * has its own {@link OrtDecoderSteps}.
 */
final class Seq2SeqModel implements AutoCloseable {

    private final EngineSession encoder;
    private final EngineSession firstStep;
    private final EngineSession cached;
    private final Seq2SeqLayout layout;
    private final GenerationSettings defaults;

    /**
     * @param firstStep {@code decoder_model.onnx}, or the merged decoder
     * @param cached {@code decoder_with_past_model.onnx}, or the same merged decoder
     */
    Seq2SeqModel(
            EngineSession encoder,
            EngineSession firstStep,
            EngineSession cached,
            Seq2SeqLayout layout,
            GenerationSettings defaults) {
        this.encoder = encoder;
        this.firstStep = firstStep;
        this.cached = cached;
        this.layout = layout;
        this.defaults = defaults;
    }

    /** The manifest's generation settings. */
    GenerationSettings defaults() {
        return defaults;
    }

    Seq2SeqLayout layout() {
        return layout;
    }

    /** The device the model runs on. */
    String device() {
        return encoder.device();
    }

    /** Generates with the manifest's settings. */
    Generation generate(long[] sourceIds) throws OrtException {
        return generate(sourceIds, defaults);
    }

    /**
     * Generates from a tokenized source (the tokenizer's ids, end-of-sequence included as the model was trained).
     *
     * @throws IllegalArgumentException when the source is empty
     */
    Generation generate(long[] sourceIds, GenerationSettings settings) throws OrtException {
        if (sourceIds.length == 0) {
            throw new IllegalArgumentException("the source has no tokens");
        }
        float[] states = encode(sourceIds);
        try (DecoderSteps steps = new OrtDecoderSteps(
                encoder.environment(), firstStep.session(), cached.session(), layout, states, sourceIds.length)) {
            return settings.beams() == 1 ? GreedySearch.run(steps, settings) : BeamSearch.run(steps, settings);
        }
    }

    private float[] encode(long[] sourceIds) throws OrtException {
        long[] shape = {1, sourceIds.length};
        long[] ones = new long[sourceIds.length];
        Arrays.fill(ones, 1);
        try (OnnxTensor ids = OnnxTensor.createTensor(encoder.environment(), LongBuffer.wrap(sourceIds), shape);
                OnnxTensor mask = OnnxTensor.createTensor(encoder.environment(), LongBuffer.wrap(ones), shape)) {
            Map<String, OnnxTensor> inputs = encoder.session().getInputNames().contains(Seq2SeqLayout.ATTENTION_MASK)
                    ? Map.of(Seq2SeqLayout.INPUT_IDS, ids, Seq2SeqLayout.ATTENTION_MASK, mask)
                    : Map.of(Seq2SeqLayout.INPUT_IDS, ids);
            try (Result result = encoder.session().run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(Seq2SeqLayout.LAST_HIDDEN_STATE)
                        .orElseThrow(() -> new IllegalStateException("encoder returned no last_hidden_state"));
                java.nio.FloatBuffer buffer = hidden.getFloatBuffer();
                float[] states = new float[buffer.remaining()];
                buffer.get(states);
                return states;
            }
        }
    }

    @Override
    public void close() throws OrtException {
        encoder.close();
        firstStep.close();
        if (cached != firstStep) {
            cached.close();
        }
    }
}
