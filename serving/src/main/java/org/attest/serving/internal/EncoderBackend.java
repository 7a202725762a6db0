package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.util.Optional;

/**
 * Where a BERT-style encoder runs: in this process on ONNX Runtime ({@link OnnxEncoderBackend}) or on a remote
 * Triton/KServe server ({@link KServeEncoderBackend}). Tokenizing, batching and pooling stay in {@link SentenceEncoder}
 * either way.
 */
interface EncoderBackend extends AutoCloseable {

    String INPUT_IDS = "input_ids";
    String ATTENTION_MASK = "attention_mask";
    String TOKEN_TYPE_IDS = "token_type_ids";
    String LAST_HIDDEN_STATE = "last_hidden_state";

    /** Size of one token vector. */
    int dimensions();

    /** {@code cpu}, {@code cuda}, or {@code kserve-v2} for a remote server. */
    String device();

    /** The remote server's version of the model as of its last answer; empty for a local session. */
    default Optional<String> servedVersion() {
        return Optional.empty();
    }

    /**
     * Runs the encoder on one batch.
     *
     * @return {@code last_hidden_state}, [rows, tokens, dimensions] row-major
     * @throws OrtException when the local session fails
     * @throws RemoteInferenceException when the remote server fails, times out or answers something unusable
     */
    FloatBuffer lastHiddenState(TokenBatch batch) throws OrtException;

    @Override
    void close() throws OrtException;
}
