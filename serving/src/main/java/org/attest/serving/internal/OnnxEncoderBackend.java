package org.attest.serving.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.Result;
import ai.onnxruntime.TensorInfo;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The encoder on a local ONNX Runtime session; every tensor and result is closed after each batch. */
final class OnnxEncoderBackend implements EncoderBackend {

    private final EngineSession engine;
    private final boolean takesTokenTypes;
    private final int dimensions;

    private OnnxEncoderBackend(EngineSession engine, boolean takesTokenTypes, int dimensions) {
        this.engine = engine;
        this.takesTokenTypes = takesTokenTypes;
        this.dimensions = dimensions;
    }

    /** Wraps a session after checking that its inputs and outputs are the ones a BERT-style export has. */
    static OnnxEncoderBackend create(EngineSession engine) throws ModelLoadException, OrtException {
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
        return new OnnxEncoderBackend(engine, inputs.contains(TOKEN_TYPE_IDS), dimensions);
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

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public String device() {
        return engine.device();
    }

    @Override
    public HiddenStates lastHiddenState(TokenBatch batch) throws OrtException {
        long[] shape = batch.shape();
        try (OnnxTensor ids = tensor(batch.ids(), shape);
                OnnxTensor mask = tensor(batch.mask(), shape);
                OnnxTensor types = tensor(batch.types(), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(INPUT_IDS, ids);
            inputs.put(ATTENTION_MASK, mask);
            if (takesTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS, types);
            }
            try (Result result = engine.session().run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(LAST_HIDDEN_STATE)
                        .orElseThrow(() -> new IllegalStateException("encoder returned no last_hidden_state"));
                // a copy on the Java heap: valid after the result is closed
                return HiddenStates.local(hidden.getFloatBuffer());
            }
        }
    }

    private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
        return OnnxTensor.createTensor(engine.environment(), LongBuffer.wrap(values), shape);
    }

    @Override
    public void close() throws OrtException {
        engine.close();
    }
}
