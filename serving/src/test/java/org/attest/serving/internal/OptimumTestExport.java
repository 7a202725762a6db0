package org.attest.serving.internal;

import static org.attest.serving.internal.OnnxGraph.BOOL;
import static org.attest.serving.internal.OnnxGraph.FLOAT;
import static org.attest.serving.internal.OnnxGraph.INT64;
import static org.attest.serving.internal.OnnxGraph.integer;
import static org.attest.serving.internal.OnnxGraph.ints;

/**
 * A tiny seq2seq "model" exported the way Hugging Face Optimum exports T5/BART — same file set, input and output
 * names, dtypes, static head counts and symbolic axes — whose next-token distribution is a fixed table: the logits
 * after token t are {@code ln p[t]} (a bigram model), so greedy and beam outputs and their log-probabilities are known
 * by hand. The with-past decoder adds {@code +50} to end-of-sequence when the cache holds {@code eosAtPast} tokens,
 * which only happens if the cache really grows by one per step. Cache entries are token embeddings (decoder) and the
 * reshaped encoder states (encoder), so shapes are exactly [batch, heads, length, head size].
 */
final class OptimumTestExport {

    final int vocabulary;
    final int heads;
    final int headSize;
    final int layers;
    private final float[][] probabilities;
    private final int eosToken;
    private final int eosAtPast;

    OptimumTestExport(int heads, int headSize, int layers, float[][] probabilities, int eosToken, int eosAtPast) {
        this.vocabulary = probabilities.length;
        this.heads = heads;
        this.headSize = headSize;
        this.layers = layers;
        this.probabilities = probabilities;
        this.eosToken = eosToken;
        this.eosAtPast = eosAtPast;
    }

    int hidden() {
        return heads * headSize;
    }

    byte[] encoder() {
        OnnxGraph g = new OnnxGraph("encoder")
                .input("input_ids", INT64, "batch_size", "encoder_sequence_length")
                .input("attention_mask", INT64, "batch_size", "encoder_sequence_length")
                .output("last_hidden_state", FLOAT, "batch_size", "encoder_sequence_length", hidden());
        g.floats("embedding", sequence(vocabulary * hidden(), 0.01f), vocabulary, hidden());
        g.node("Gather", new String[] {"embedding", "input_ids"}, new String[] {"last_hidden_state"});
        return g.model();
    }

    byte[] decoder() {
        OnnxGraph g = decoderInputs(new OnnxGraph("decoder"), false);
        initializers(g);
        noPastBody(g, "");
        return outputs(g).model();
    }

    byte[] decoderWithPast() {
        OnnxGraph g = decoderInputs(new OnnxGraph("decoder_with_past"), true);
        initializers(g);
        withPastBody(g, "", false);
        g.output("logits", FLOAT, "batch_size", "decoder_sequence_length", vocabulary);
        for (int i = 0; i < layers; i++) {
            for (String kind : new String[] {"decoder.key", "decoder.value"}) {
                g.output(
                        "present." + i + "." + kind,
                        FLOAT,
                        "batch_size",
                        heads,
                        "past_decoder_sequence_length + 1",
                        headSize);
            }
        }
        return g.model();
    }

    byte[] merged() {
        OnnxGraph g = decoderInputs(new OnnxGraph("decoder_merged"), true)
                .input("encoder_hidden_states", FLOAT, "batch_size", "encoder_sequence_length", hidden())
                .input("use_cache_branch", BOOL, 1);
        initializers(g);
        OnnxGraph withPast = new OnnxGraph("with_past");
        withPastBody(withPast, "then_", true);
        OnnxGraph noPast = new OnnxGraph("no_past");
        noPastBody(noPast, "else_");
        String[] outputs = outputNames();
        for (String output : outputs) {
            withPast.output("then_" + output, FLOAT);
            noPast.output("else_" + output, FLOAT);
        }
        g.node(
                "If",
                new String[] {"use_cache_branch"},
                outputs,
                OnnxGraph.subgraph("then_branch", withPast),
                OnnxGraph.subgraph("else_branch", noPast));
        return outputs(g).model();
    }

    private OnnxGraph decoderInputs(OnnxGraph g, boolean past) {
        g.input("encoder_attention_mask", INT64, "batch_size", "encoder_sequence_length")
                .input("input_ids", INT64, "batch_size", "decoder_sequence_length");
        if (!past) {
            return g.input("encoder_hidden_states", FLOAT, "batch_size", "encoder_sequence_length", hidden());
        }
        for (int i = 0; i < layers; i++) {
            for (String kind : Seq2SeqLayout.CACHE_KINDS) {
                String length =
                        kind.startsWith("decoder") ? "past_decoder_sequence_length" : "encoder_sequence_length_out";
                g.input("past_key_values." + i + "." + kind, FLOAT, "batch_size", heads, length, headSize);
            }
        }
        return g;
    }

    private void initializers(OnnxGraph g) {
        float[] table = new float[vocabulary * vocabulary];
        for (int t = 0; t < vocabulary; t++) {
            for (int v = 0; v < vocabulary; v++) {
                table[t * vocabulary + v] = (float) Math.log(probabilities[t][v]);
            }
        }
        g.floats("bigram", table, vocabulary, vocabulary);
        g.floats("token_cache", sequence(vocabulary * hidden(), 0.1f), vocabulary, heads, headSize);
        g.longs("split_heads", new long[] {0, 0, heads, headSize}, 4);
        float[] eos = new float[vocabulary];
        eos[eosToken] = 50f;
        float[] bias = new float[64 * vocabulary];
        if (eosAtPast >= 0) {
            System.arraycopy(eos, 0, bias, eosAtPast * vocabulary, vocabulary);
        }
        g.floats("eos_bias", bias, 64, vocabulary);
        g.longs("length_axis", new long[] {2}, 1);
    }

    /** logits and decoder presents from input_ids alone; encoder presents from the encoder states. */
    private void noPastBody(OnnxGraph g, String p) {
        g.node("Gather", new String[] {"bigram", "input_ids"}, new String[] {p + "logits"});
        g.node("Gather", new String[] {"token_cache", "input_ids"}, new String[] {p + "new_kv"});
        g.node("Transpose", p + "new_kv", p + "new_kv_t", ints("perm", 0, 2, 1, 3));
        g.node("Reshape", new String[] {"encoder_hidden_states", "split_heads"}, new String[] {p + "enc_split"});
        g.node("Transpose", p + "enc_split", p + "enc_kv", ints("perm", 0, 2, 1, 3));
        for (int i = 0; i < layers; i++) {
            g.node("Identity", p + "new_kv_t", p + "present." + i + ".decoder.key");
            g.node("Identity", p + "new_kv_t", p + "present." + i + ".decoder.value");
            g.node("Identity", p + "enc_kv", p + "present." + i + ".encoder.key");
            g.node("Identity", p + "enc_kv", p + "present." + i + ".encoder.value");
        }
    }

    /** logits (+ the end-of-sequence bias at the cache's length), decoder presents = past + this token. */
    private void withPastBody(OnnxGraph g, String p, boolean placeholders) {
        g.node("Gather", new String[] {"bigram", "input_ids"}, new String[] {p + "token_logits"});
        g.node("Shape", "past_key_values.0.decoder.key", p + "past_shape");
        g.node(
                "Gather",
                new String[] {p + "past_shape", "length_axis"},
                new String[] {p + "past_length"},
                integer("axis", 0));
        g.node("Gather", new String[] {"eos_bias", p + "past_length"}, new String[] {p + "length_bias"});
        g.node("Add", new String[] {p + "token_logits", p + "length_bias"}, new String[] {p + "logits"});
        g.node("Gather", new String[] {"token_cache", "input_ids"}, new String[] {p + "new_kv"});
        g.node("Transpose", p + "new_kv", p + "new_kv_t", ints("perm", 0, 2, 1, 3));
        for (int i = 0; i < layers; i++) {
            for (String kind : new String[] {"decoder.key", "decoder.value"}) {
                g.node(
                        "Concat",
                        new String[] {"past_key_values." + i + "." + kind, p + "new_kv_t"},
                        new String[] {p + "present." + i + "." + kind},
                        integer("axis", 2));
            }
            if (placeholders) {
                for (String kind : new String[] {"encoder.key", "encoder.value"}) {
                    g.node(
                            "Constant",
                            new String[0],
                            new String[] {p + "present." + i + "." + kind},
                            OnnxGraph.tensorValue("value", FLOAT, 0, heads, 0, headSize));
                }
            }
        }
    }

    private String[] outputNames() {
        String[] names = new String[1 + 4 * layers];
        names[0] = "logits";
        for (int i = 0; i < layers; i++) {
            for (int k = 0; k < 4; k++) {
                names[1 + 4 * i + k] = "present." + i + "." + Seq2SeqLayout.CACHE_KINDS[k];
            }
        }
        return names;
    }

    private OnnxGraph outputs(OnnxGraph g) {
        g.output("logits", FLOAT, "batch_size", "decoder_sequence_length", vocabulary);
        for (int i = 0; i < layers; i++) {
            for (String kind : Seq2SeqLayout.CACHE_KINDS) {
                g.output("present." + i + "." + kind, FLOAT, "batch_size", heads, "present_length", headSize);
            }
        }
        return g;
    }

    private static float[] sequence(int size, float step) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (i % 97) * step;
        }
        return values;
    }
}
