package org.attest.serving.internal;

import static org.attest.serving.internal.Seq2SeqLayout.CACHE_KINDS;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.Result;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request's decoder steps on an Optimum export, with the key/value cache kept in Java arrays between steps so that
 * beams can be reordered by row. Step 0 runs the no-past graph (merged: {@code use_cache_branch=false} with
 * zero-length past tensors); every later step runs the with-past graph with the previous step's
 * {@code present.{i}.decoder.*} and the step-0 {@code present.{i}.encoder.*} (later encoder presents are placeholders
 * and ignored). Every tensor and result is closed within its step.
 */
final class OrtDecoderSteps implements DecoderSteps {

    private final OrtEnvironment environment;
    private final OrtSession firstStep;
    private final OrtSession cached;
    private final Seq2SeqLayout layout;
    private final float[] encoderStates;
    private final int sourceLength;
    private final int hiddenSize;
    private final Map<String, List<float[]>> cache = new HashMap<>();
    private int pastLength;
    private int step;

    OrtDecoderSteps(
            OrtEnvironment environment,
            OrtSession firstStep,
            OrtSession cached,
            Seq2SeqLayout layout,
            float[] encoderStates,
            int sourceLength) {
        this.environment = environment;
        this.firstStep = firstStep;
        this.cached = cached;
        this.layout = layout;
        this.encoderStates = encoderStates;
        this.sourceLength = sourceLength;
        this.hiddenSize = encoderStates.length / sourceLength;
    }

    @Override
    public float[][] next(long[] lastTokens, int[] parents) throws OrtException {
        int rows = lastTokens.length;
        if (step > 0) {
            cache.replaceAll(
                    (name, old) -> Arrays.stream(parents).mapToObj(old::get).toList());
        }
        OrtSession session = step == 0 ? firstStep : cached;
        List<OnnxTensor> created = new ArrayList<>();
        try {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            for (String name : session.getInputNames()) {
                OnnxTensor tensor = input(name, rows, lastTokens);
                created.add(tensor);
                inputs.put(name, tensor);
            }
            try (Result result = session.run(inputs)) {
                float[][] logits = logits(result, rows);
                keepPresents(result, rows);
                step++;
                pastLength++;
                return logits;
            }
        } finally {
            created.forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor input(String name, int rows, long[] lastTokens) throws OrtException {
        return switch (name) {
            case Seq2SeqLayout.INPUT_IDS ->
                OnnxTensor.createTensor(environment, LongBuffer.wrap(lastTokens.clone()), new long[] {rows, 1});
            case Seq2SeqLayout.ENCODER_ATTENTION_MASK -> {
                long[] ones = new long[rows * sourceLength];
                Arrays.fill(ones, 1);
                yield OnnxTensor.createTensor(environment, LongBuffer.wrap(ones), new long[] {rows, sourceLength});
            }
            case Seq2SeqLayout.ENCODER_HIDDEN_STATES ->
                floats(java.util.Collections.nCopies(rows, encoderStates), new long[] {rows, sourceLength, hiddenSize});
            case Seq2SeqLayout.USE_CACHE_BRANCH -> OnnxTensor.createTensor(environment, new boolean[] {step > 0});
            default -> past(name, rows);
        };
    }

    private OnnxTensor past(String name, int rows) throws OrtException {
        boolean decoderPart = name.contains(".decoder.");
        if (step == 0) {
            // The no-past branch never reads them; Optimum feeds zero-length tensors too.
            return floats(List.of(), new long[] {rows, layout.heads(), 0, layout.headSize()});
        }
        List<float[]> rowsData = cache.get(name);
        if (rowsData == null) {
            throw new IllegalStateException("decoder input '" + name + "' is not part of the Optimum seq2seq contract");
        }
        long length = decoderPart ? pastLength : sourceLength;
        return floats(rowsData, new long[] {rows, layout.heads(), length, layout.headSize()});
    }

    private OnnxTensor floats(List<float[]> rows, long[] shape) throws OrtException {
        int size = rows.stream().mapToInt(r -> r.length).sum();
        FloatBuffer buffer = FloatBuffer.allocate(size);
        rows.forEach(buffer::put);
        buffer.flip();
        return OnnxTensor.createTensor(environment, buffer, shape);
    }

    private float[][] logits(Result result, int rows) throws OrtException {
        OnnxTensor tensor = output(result, Seq2SeqLayout.LOGITS);
        long[] shape = tensor.getInfo().getShape();
        int tokens = (int) shape[1];
        int vocabulary = (int) shape[2];
        FloatBuffer all = tensor.getFloatBuffer();
        float[][] last = new float[rows][vocabulary];
        for (int row = 0; row < rows; row++) {
            all.position((row * tokens + tokens - 1) * vocabulary);
            all.get(last[row]);
        }
        return last;
    }

    private void keepPresents(Result result, int rows) throws OrtException {
        for (int layer = 0; layer < layout.layers(); layer++) {
            for (String kind : CACHE_KINDS) {
                if (!Seq2SeqLayout.isDecoderCache(kind) && step > 0) {
                    continue;
                }
                OnnxTensor tensor = output(result, Seq2SeqLayout.present(layer, kind));
                long expected = Seq2SeqLayout.isDecoderCache(kind) ? pastLength + 1 : sourceLength;
                long[] shape = tensor.getInfo().getShape();
                if (shape.length != 4 || shape[0] != rows || shape[2] != expected) {
                    throw new IllegalStateException("decoder returned " + Seq2SeqLayout.present(layer, kind)
                            + " of shape " + Arrays.toString(shape) + ", expected length " + expected);
                }
                cache.put(Seq2SeqLayout.past(layer, kind), split(tensor.getFloatBuffer(), rows));
            }
        }
    }

    private static List<float[]> split(FloatBuffer all, int rows) {
        int size = all.remaining() / rows;
        List<float[]> split = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            float[] data = new float[size];
            all.get(data);
            split.add(data);
        }
        return split;
    }

    private static OnnxTensor output(Result result, String name) {
        OnnxValue value =
                result.get(name).orElseThrow(() -> new IllegalStateException("decoder returned no '" + name + "'"));
        return (OnnxTensor) value;
    }

    @Override
    public void close() {
        cache.clear();
    }
}
