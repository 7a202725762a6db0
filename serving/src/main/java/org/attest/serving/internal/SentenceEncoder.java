package org.attest.serving.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.attest.serving.InferenceRejectedException;

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

    private final EncoderBackend backend;
    private final HuggingFaceTokenizer tokenizer;
    private final int dimensions;
    private final BatchedInference<Encoding, float[]> inference;

    private SentenceEncoder(EncoderBackend backend, HuggingFaceTokenizer tokenizer, ModelBatching batching) {
        this.backend = backend;
        this.tokenizer = tokenizer;
        this.dimensions = backend.dimensions();
        this.inference = batching.open(this::encodeBatch);
    }

    /** The same, with no batching across requests ({@link ModelBatching#none}). */
    static SentenceEncoder create(EngineSession engine, byte[] tokenizerJson, int maxTokens)
            throws ModelLoadException, OrtException {
        return create(engine, tokenizerJson, maxTokens, ModelBatching.none("sentence-encoder"));
    }

    /**
     * Wraps a local encoder session after checking that its inputs and outputs are the ones a BERT-style export has.
     *
     * @param tokenizerJson the Hugging Face {@code tokenizer.json}; its own padding and truncation are replaced
     * @param maxTokens inputs longer than this, special tokens included, are truncated
     */
    static SentenceEncoder create(EngineSession engine, byte[] tokenizerJson, int maxTokens, ModelBatching batching)
            throws ModelLoadException, OrtException {
        return create(OnnxEncoderBackend.create(engine), tokenizerJson, maxTokens, batching);
    }

    /** An encoder on any backend, local or remote. */
    static SentenceEncoder create(EncoderBackend backend, byte[] tokenizerJson, int maxTokens, ModelBatching batching)
            throws ModelLoadException {
        Map<String, String> options =
                Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(maxTokens));
        try {
            HuggingFaceTokenizer tokenizer =
                    HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), options);
            return new SentenceEncoder(backend, tokenizer, batching);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(
                    "tokenizer cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    int dimensions() {
        return dimensions;
    }

    /** The device the encoder runs on. */
    String device() {
        return backend.device();
    }

    /** For a remote encoder, the server's model version as of its last answer, to record with predictions. */
    Optional<String> servedVersion() {
        return backend.servedVersion();
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

    /** Runs a batch as {@link LengthBuckets}, each padded to its own longest member. */
    private List<float[]> encodeBatch(List<Encoding> batch) throws OrtException {
        int[] lengths = batch.stream().mapToInt(e -> e.getIds().length).toArray();
        float[][] vectors = new float[batch.size()][];
        for (int[] bucket : LengthBuckets.plan(lengths, batch.size())) {
            List<float[]> pooled =
                    encodeBucket(Arrays.stream(bucket).mapToObj(batch::get).toList());
            for (int i = 0; i < bucket.length; i++) {
                vectors[bucket[i]] = pooled.get(i);
            }
        }
        return Arrays.asList(vectors);
    }

    private List<float[]> encodeBucket(List<Encoding> bucket) throws OrtException {
        TokenBatch padded = TokenBatch.of(bucket);
        FloatBuffer states = backend.lastHiddenState(padded);
        if (states.remaining() != padded.rows() * padded.tokens() * dimensions) {
            throw new IllegalStateException("encoder returned " + states.remaining() + " values for a batch of "
                    + padded.rows() + " x " + padded.tokens() + " tokens");
        }
        List<float[]> vectors = new ArrayList<>(bucket.size());
        for (int row = 0; row < bucket.size(); row++) {
            vectors.add(meanPool(states, padded.mask(), row, padded.tokens()));
        }
        return vectors;
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
        backend.close();
    }
}
