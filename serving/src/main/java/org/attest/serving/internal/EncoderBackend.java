package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import org.jspecify.annotations.Nullable;

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

    /**
     * Runs the encoder on one batch.
     *
     * @return {@code last_hidden_state} and, for a remote server, the version of the model that computed it
     * @throws OrtException when the local session fails
     * @throws RemoteInferenceException when the remote server fails, times out or answers something unusable
     */
    HiddenStates lastHiddenState(TokenBatch batch) throws OrtException;

    /**
     * One batch's encoder output.
     *
     * @param values {@code last_hidden_state}, [rows, tokens, dimensions] row-major
     * @param servedVersion the remote server's version of the model that answered this call, or null: a local
     *     session, or a server that named none
     */
    record HiddenStates(FloatBuffer values, @Nullable String servedVersion) {

        /** The output of a local session, which has no served version. */
        static HiddenStates local(FloatBuffer values) {
            return new HiddenStates(values, null);
        }
    }

    @Override
    void close() throws OrtException;
}
