package org.attest.serving.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.Result;
import ai.onnxruntime.TensorInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.attest.serving.InferenceRejectedException;
import org.jspecify.annotations.Nullable;

/**
 * Turns sentences into unit-length vectors with a BERT-style encoder (MiniLM): tokenize, run the encoder on batches
 * padded to their longest member, mean-pool {@code last_hidden_state} over the attention mask, L2-normalize. Cosine
 * similarity of two vectors is then their dot product.
 *
 * <p>The model call goes through a {@link BatchedInference}: with micro-batching on, the sentences of concurrent
 * requests share batches (each padded to its own longest member), which changes no vector.
 *
 * <p>Thread-safe: the tokenizer and the session are shared, every tensor and result is closed after each batch.
 */
final class SentenceEncoder implements AutoCloseable {

    /** Sentences per encoder run without batching settings: bounds the memory of one run. */
    static final int BATCH_SIZE = 32;

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String LAST_HIDDEN_STATE = "last_hidden_state";

    private final EngineSession engine;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTokenTypes;
    private final int dimensions;
    private final BatchedInference<Encoding, float[]> inference;

    private SentenceEncoder(
            EngineSession engine,
            HuggingFaceTokenizer tokenizer,
            boolean takesTokenTypes,
            int dimensions,
            Batching batching) {
        this.engine = engine;
        this.tokenizer = tokenizer;
        this.takesTokenTypes = takesTokenTypes;
        this.dimensions = dimensions;
        this.inference = batching.batching().forModel(batching.name(), batching.version(), this::encodeBatch);
    }

    /**
     * How the encoder's model call is batched, and the model it is reported as.
     *
     * @param batching batching settings and meters
     * @param name the model's name, a meter tag
     * @param version the version, a meter tag
     */
    record Batching(InferenceBatching batching, String name, String version) {

        /** No batching across requests, in chunks of {@link #BATCH_SIZE}; for tests and tools. */
        static Batching none(String name) {
            return new Batching(InferenceBatching.unbatched(), name, "0");
        }
    }

    /** The same, with no batching across requests ({@link Batching#none}). */
    static SentenceEncoder create(EngineSession engine, byte[] tokenizerJson, int maxTokens)
            throws ModelLoadException, OrtException {
        return create(engine, tokenizerJson, maxTokens, Batching.none("sentence-encoder"));
    }

    /**
     * Wraps an encoder session after checking that its inputs and outputs are the ones a BERT-style export has.
     *
     * @param tokenizerJson the Hugging Face {@code tokenizer.json}; its own padding and truncation are replaced
     * @param maxTokens inputs longer than this, special tokens included, are truncated
     */
    static SentenceEncoder create(EngineSession engine, byte[] tokenizerJson, int maxTokens, Batching batching)
            throws ModelLoadException, OrtException {
        Set<String> inputs = engine.session().getInputNames();
        for (String input : inputs) {
            if (!Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS).contains(input)) {
                throw new ModelLoadException("encoder has an unsupported input '" + input + "'");
            }
        }
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            throw new ModelLoadException("encoder lacks input_ids or attention_mask");
        }
        int dimensions = hiddenSize(engine.session().getOutputInfo().get(LAST_HIDDEN_STATE));
        Map<String, String> options =
                Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(maxTokens));
        try {
            HuggingFaceTokenizer tokenizer =
                    HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), options);
            return new SentenceEncoder(engine, tokenizer, inputs.contains(TOKEN_TYPE_IDS), dimensions, batching);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(
                    "tokenizer cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static int hiddenSize(@Nullable NodeInfo output) throws ModelLoadException {
        if (output != null && output.getInfo() instanceof TensorInfo tensor) {
            long[] shape = tensor.getShape();
            if (shape.length == 3 && shape[2] > 0) {
                return (int) shape[2];
            }
        }
        throw new ModelLoadException("encoder lacks a last_hidden_state output of shape [batch, tokens, hidden]");
    }

    int dimensions() {
        return dimensions;
    }

    /** The device the encoder runs on. */
    String device() {
        return engine.device();
    }

    /**
     * Encodes sentences; the i-th vector belongs to the i-th sentence.
     *
     * @throws InferenceRejectedException when micro-batching is on and the encoder's queue is full
     */
    float[][] encode(List<String> sentences) throws OrtException {
        Encoding[] encodings = tokenizer.batchEncode(sentences);
        // Sentences of similar length side by side keep padding, and so wasted compute, small.
        int[] byLength = IntStream.range(0, encodings.length)
                .boxed()
                .sorted(Comparator.comparingInt((Integer i) -> encodings[i].getIds().length))
                .mapToInt(Integer::intValue)
                .toArray();
        List<float[]> sorted = inference.infer(
                Arrays.stream(byLength).mapToObj(i -> encodings[i]).toList());
        float[][] vectors = new float[encodings.length][];
        for (int i = 0; i < byLength.length; i++) {
            vectors[byLength[i]] = sorted.get(i);
        }
        return vectors;
    }

    /** One encoder run on a batch padded to its longest member. */
    private List<float[]> encodeBatch(List<Encoding> batch) throws OrtException {
        Padded padded = Padded.of(batch);
        long[] shape = {batch.size(), padded.tokens()};
        try (OnnxTensor ids = tensor(padded.ids(), shape);
                OnnxTensor mask = tensor(padded.mask(), shape);
                OnnxTensor types = tensor(padded.types(), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(INPUT_IDS, ids);
            inputs.put(ATTENTION_MASK, mask);
            if (takesTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS, types);
            }
            try (Result result = engine.session().run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(LAST_HIDDEN_STATE)
                        .orElseThrow(() -> new IllegalStateException("encoder returned no last_hidden_state"));
                FloatBuffer states = hidden.getFloatBuffer();
                List<float[]> vectors = new ArrayList<>(batch.size());
                for (int row = 0; row < batch.size(); row++) {
                    vectors.add(meanPool(states, padded.mask(), row, padded.tokens()));
                }
                return vectors;
            }
        }
    }

    private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
        return OnnxTensor.createTensor(engine.environment(), LongBuffer.wrap(values), shape);
    }

    /** A batch's inputs, row-major, each row padded with zeros to the batch's longest. */
    private record Padded(long[] ids, long[] mask, long[] types, int tokens) {

        static Padded of(List<Encoding> batch) {
            int tokens = 0;
            for (Encoding encoding : batch) {
                tokens = Math.max(tokens, encoding.getIds().length);
            }
            Padded padded = new Padded(
                    new long[batch.size() * tokens],
                    new long[batch.size() * tokens],
                    new long[batch.size() * tokens],
                    tokens);
            for (int row = 0; row < batch.size(); row++) {
                Encoding encoding = batch.get(row);
                int length = encoding.getIds().length;
                System.arraycopy(encoding.getIds(), 0, padded.ids, row * tokens, length);
                System.arraycopy(encoding.getAttentionMask(), 0, padded.mask, row * tokens, length);
                System.arraycopy(encoding.getTypeIds(), 0, padded.types, row * tokens, length);
            }
            return padded;
        }
    }

    /** The mean of a row's token vectors where the attention mask is 1, scaled to unit length. */
    private float[] meanPool(FloatBuffer states, long[] mask, int row, int tokens) {
        float[] sum = new float[dimensions];
        int counted = 0;
        for (int token = 0; token < tokens; token++) {
            if (mask[row * tokens + token] == 0) {
                continue;
            }
            int offset = (row * tokens + token) * dimensions;
            for (int d = 0; d < dimensions; d++) {
                sum[d] += states.get(offset + d);
            }
            counted++;
        }
        for (int d = 0; d < dimensions; d++) {
            sum[d] /= Math.max(counted, 1);
        }
        return Vectors.normalized(sum);
    }

    @Override
    public void close() throws OrtException {
        inference.close();
        tokenizer.close();
        engine.close();
    }
}
