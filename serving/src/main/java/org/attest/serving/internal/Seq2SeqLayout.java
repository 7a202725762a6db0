package org.attest.serving.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a Hugging Face Optimum seq2seq export, read from its sessions' input info rather than from a config:
 * decoder layers L (the {@code past_key_values.{i}.decoder.key} inputs), heads H and head size Dh (dimensions 1 and 3
 * of those inputs, which the export keeps static), and whether the decoder is the merged one
 * ({@code use_cache_branch}).
 *
 * @param layers decoder layers
 * @param heads attention heads
 * @param headSize size of one head
 * @param merged true for {@code decoder_model_merged.onnx}, false for the decoder / decoder-with-past pair
 */
record Seq2SeqLayout(int layers, int heads, int headSize, boolean merged) {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String LAST_HIDDEN_STATE = "last_hidden_state";
    static final String ENCODER_ATTENTION_MASK = "encoder_attention_mask";
    static final String ENCODER_HIDDEN_STATES = "encoder_hidden_states";
    static final String USE_CACHE_BRANCH = "use_cache_branch";
    static final String LOGITS = "logits";
    static final String[] CACHE_KINDS = {"decoder.key", "decoder.value", "encoder.key", "encoder.value"};

    private static final Pattern PAST = Pattern.compile("past_key_values\\.(\\d+)\\.decoder\\.key");

    static String past(int layer, String kind) {
        return "past_key_values." + layer + "." + kind;
    }

    static String present(int layer, String kind) {
        return "present." + layer + "." + kind;
    }

    static boolean isDecoderCache(String kind) {
        return kind.startsWith("decoder.");
    }

    /**
     * Reads the layout from the decoder that takes the cache (merged, or decoder-with-past) and checks the encoder.
     *
     * @throws ModelLoadException when an input or output the protocol needs is missing or has an unusable shape
     */
    static Seq2SeqLayout read(OrtSession encoder, OrtSession cachedDecoder) throws ModelLoadException, OrtException {
        require(encoder.getInputNames(), INPUT_IDS, "encoder");
        require(encoder.getOutputNames(), LAST_HIDDEN_STATE, "encoder");
        Map<String, NodeInfo> inputs = cachedDecoder.getInputInfo();
        int layers = 0;
        for (String name : inputs.keySet()) {
            Matcher matcher = PAST.matcher(name);
            if (matcher.matches()) {
                layers = Math.max(layers, Integer.parseInt(matcher.group(1)) + 1);
            }
        }
        if (layers == 0) {
            throw new ModelLoadException("decoder has no past_key_values.{i}.decoder.key inputs");
        }
        long[] shape = shape(inputs.get(past(0, "decoder.key")));
        if (shape.length != 4 || shape[1] <= 0 || shape[3] <= 0) {
            throw new ModelLoadException("past_key_values.0.decoder.key must be [batch, heads, length, head size]"
                    + " with static heads and head size");
        }
        for (int layer = 0; layer < layers; layer++) {
            for (String kind : CACHE_KINDS) {
                require(inputs.keySet(), past(layer, kind), "decoder");
                require(cachedDecoder.getOutputNames(), present(layer, "decoder.key"), "decoder");
            }
        }
        require(inputs.keySet(), INPUT_IDS, "decoder");
        require(cachedDecoder.getOutputNames(), LOGITS, "decoder");
        return new Seq2SeqLayout(layers, (int) shape[1], (int) shape[3], inputs.containsKey(USE_CACHE_BRANCH));
    }

    /** Checks the first-step decoder of the pair ({@code decoder_model.onnx}). */
    void checkFirstStep(OrtSession decoder) throws ModelLoadException, OrtException {
        require(decoder.getInputNames(), INPUT_IDS, "decoder_model");
        require(decoder.getInputNames(), ENCODER_HIDDEN_STATES, "decoder_model");
        require(decoder.getOutputNames(), LOGITS, "decoder_model");
        for (int layer = 0; layer < layers; layer++) {
            for (String kind : CACHE_KINDS) {
                require(decoder.getOutputNames(), present(layer, kind), "decoder_model");
            }
        }
    }

    private static long[] shape(NodeInfo info) throws ModelLoadException {
        if (info.getInfo() instanceof TensorInfo tensor) {
            return tensor.getShape();
        }
        throw new ModelLoadException(info.getName() + " is not a tensor");
    }

    private static void require(Set<String> names, String name, String model) throws ModelLoadException {
        if (!names.contains(name)) {
            throw new ModelLoadException(model + " lacks '" + name + "'");
        }
    }
}
