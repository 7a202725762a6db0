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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.attest.serving.InferenceRejectedException;
import org.attest.serving.internal.EncoderBackend.HiddenStates;
import org.jspecify.annotations.Nullable;

/**
 * Turns sentences into unit-length vectors with a BERT-style encoder (MiniLM): tokenize, run the encoder on batches
 * padded to their longest member, mean-pool {@code last_hidden_state} over the attention mask, L2-normalize. Cosine
 * similarity of two vectors is then their dot product.
 *
 * <p>The model call goes through a {@link BatchedInference}: with micro-batching on, the sentences of concurrent
 * requests share batches (each padded to its own longest member), which changes no vector. Each vector comes back
 * with the served version of the call that computed it, so that a request learns the versions of its own calls even
 * when its batches were shared.
 *
 * <p>Thread-safe: the tokenizer and the session are shared, every tensor and result is closed after each batch.
 */
final class SentenceEncoder implements AutoCloseable {

    /** Sentences per encoder run without batching settings: bounds the memory of one run. */
    static final int BATCH_SIZE = 32;

    private final EncoderBackend backend;
    private final HuggingFaceTokenizer tokenizer;
    private final int dimensions;
    private final BatchedInference<Encoding, Pooled> inference;

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

    /**
     * Sentences' vectors and the version of the model that computed them.
     *
     * @param vectors the i-th vector belongs to the i-th sentence
     * @param servedVersion for a remote encoder, the server's version of the model as its answers to these
     *     sentences' calls named it — each distinct one once, comma-separated, should the server have switched
     *     versions between two calls; null for a local encoder or a server that named none
     */
    record Embeddings(float[][] vectors, @Nullable String servedVersion) {

        /** Vectors with no served version (a local encoder, or a cache in front of one). */
        static Embeddings local(float[][] vectors) {
            return new Embeddings(vectors, null);
        }
    }

    /**
     * Encodes sentences; the i-th vector belongs to the i-th sentence.
     *
     * @throws InferenceRejectedException when micro-batching is on and the encoder's queue is full
     */
    float[][] encode(List<String> sentences) throws OrtException {
        return embed(sentences).vectors();
    }

    /**
     * Encodes sentences, with the version that served them.
     *
     * @throws InferenceRejectedException when micro-batching is on and the encoder's queue is full
     */
    Embeddings embed(List<String> sentences) throws OrtException {
        Encoding[] encodings = tokenizer.batchEncode(sentences);
        // Sentences of similar length side by side keep padding, and so wasted compute, small.
        int[] byLength = IntStream.range(0, encodings.length)
                .boxed()
                .sorted(Comparator.comparingInt((Integer i) -> encodings[i].getIds().length))
                .mapToInt(Integer::intValue)
                .toArray();
        List<Pooled> sorted = inference.infer(
                Arrays.stream(byLength).mapToObj(i -> encodings[i]).toList());
        float[][] vectors = new float[encodings.length][];
        Set<String> versions = new LinkedHashSet<>();
        for (int i = 0; i < byLength.length; i++) {
            Pooled pooled = sorted.get(i);
            vectors[byLength[i]] = pooled.vector();
            if (pooled.servedVersion() != null) {
                versions.add(pooled.servedVersion());
            }
        }
        return new Embeddings(vectors, versions.isEmpty() ? null : String.join(",", versions));
    }

    /** One sentence's vector and the served version of the call that computed it. */
    private record Pooled(float[] vector, @Nullable String servedVersion) {}

    /** Runs a batch as {@link LengthBuckets}, each padded to its own longest member. */
    private List<Pooled> encodeBatch(List<Encoding> batch) throws OrtException {
        int[] lengths = batch.stream().mapToInt(e -> e.getIds().length).toArray();
        Pooled[] vectors = new Pooled[batch.size()];
        for (int[] bucket : LengthBuckets.plan(lengths, batch.size())) {
            List<Pooled> pooled =
                    encodeBucket(Arrays.stream(bucket).mapToObj(batch::get).toList());
            for (int i = 0; i < bucket.length; i++) {
                vectors[bucket[i]] = pooled.get(i);
            }
        }
        return Arrays.asList(vectors);
    }

    private List<Pooled> encodeBucket(List<Encoding> bucket) throws OrtException {
        TokenBatch padded = TokenBatch.of(bucket);
        HiddenStates output = backend.lastHiddenState(padded);
        FloatBuffer states = output.values();
        if (states.remaining() != padded.rows() * padded.tokens() * dimensions) {
            throw new IllegalStateException("encoder returned " + states.remaining() + " values for a batch of "
                    + padded.rows() + " x " + padded.tokens() + " tokens");
        }
        List<Pooled> vectors = new ArrayList<>(bucket.size());
        for (int row = 0; row < bucket.size(); row++) {
            vectors.add(new Pooled(meanPool(states, padded.mask(), row, padded.tokens()), output.servedVersion()));
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
