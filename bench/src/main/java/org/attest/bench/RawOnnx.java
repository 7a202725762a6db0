package org.attest.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import org.attest.serving.internal.ServingBenchRig;

/**
 * The baseline: the same MiniLM file and tokenizer driven by plain ONNX Runtime, no engine and no HTTP. One call
 * tokenizes a batch, pads it to its longest sentence, runs the session and reads the hidden states — what any program
 * embedding sentences must do at least.
 */
final class RawOnnx implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean tokenTypes;

    /** With ONNX Runtime's default thread pool (one thread per physical core). */
    RawOnnx(boolean cuda) throws OrtException, IOException {
        this(cuda, 0);
    }

    /**
     * @param intraOpThreads threads per operator, 0 for ONNX Runtime's default; 1 lets each of several callers run on
     *     a core of its own
     */
    RawOnnx(boolean cuda, int intraOpThreads) throws OrtException, IOException {
        try (SessionOptions options = new SessionOptions()) {
            options.setOptimizationLevel(OptLevel.ALL_OPT);
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            if (cuda) {
                options.addCUDA(0);
            }
            this.session = environment.createSession(ServingBenchRig.encoderBytes(), options);
        }
        this.tokenizer = HuggingFaceTokenizer.newInstance(
                new ByteArrayInputStream(ServingBenchRig.tokenizerBytes()),
                Map.of(
                        "padding", "false",
                        "truncation", "true",
                        "maxLength", Integer.toString(ServingBenchRig.maxTokens())));
        this.tokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /** Embeds one batch; returns the number of sentences. */
    int embed(List<String> sentences) throws OrtException {
        Encoding[] encodings = tokenizer.batchEncode(sentences);
        int tokens = 0;
        for (Encoding encoding : encodings) {
            tokens = Math.max(tokens, encoding.getIds().length);
        }
        long[] ids = new long[encodings.length * tokens];
        long[] mask = new long[ids.length];
        long[] types = new long[ids.length];
        for (int row = 0; row < encodings.length; row++) {
            int length = encodings[row].getIds().length;
            System.arraycopy(encodings[row].getIds(), 0, ids, row * tokens, length);
            System.arraycopy(encodings[row].getAttentionMask(), 0, mask, row * tokens, length);
            System.arraycopy(encodings[row].getTypeIds(), 0, types, row * tokens, length);
        }
        long[] shape = {encodings.length, tokens};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = tokenTypes
                    ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                ((OnnxTensor) result.get(0)).getFloatBuffer();
            }
        }
        return encodings.length;
    }

    String version() {
        return environment.getVersion();
    }

    @Override
    public void close() throws OrtException {
        tokenizer.close();
        session.close();
    }
}
