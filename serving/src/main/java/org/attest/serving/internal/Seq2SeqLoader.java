package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds a ready {@link Seq2SeqModel} (manifest kind {@code seq2seq}) from a Hugging Face Optimum export's files,
 * already verified against their SHA-256: {@code encoder_model.onnx} plus either {@code decoder_model_merged.onnx} or
 * the {@code decoder_model.onnx} / {@code decoder_with_past_model.onnx} pair. The layout (layers, heads, head size) is
 * read from the sessions; every input of every session must be one the Optimum contract defines.
 */
final class Seq2SeqLoader {

    static final String KIND = "seq2seq";

    private final OnnxRuntimeEngine engine;

    Seq2SeqLoader(OnnxRuntimeEngine engine) {
        this.engine = engine;
    }

    /**
     * An export's ONNX files, verified.
     *
     * @param encoder {@code encoder_model.onnx}
     * @param mergedDecoder {@code decoder_model_merged.onnx}, or null when the pair is given
     * @param decoder {@code decoder_model.onnx}, or null with the merged decoder
     * @param decoderWithPast {@code decoder_with_past_model.onnx}, or null with the merged decoder
     */
    record Files(
            byte[] encoder,
            byte @Nullable [] mergedDecoder,
            byte @Nullable [] decoder,
            byte @Nullable [] decoderWithPast) {

        static Files merged(byte[] encoder, byte[] mergedDecoder) {
            return new Files(encoder, mergedDecoder, null, null);
        }

        static Files pair(byte[] encoder, byte[] decoder, byte[] decoderWithPast) {
            return new Files(encoder, null, decoder, decoderWithPast);
        }
    }

    /**
     * Loads the model.
     *
     * @param id {@code name:version}, for logs and errors
     * @throws ModelLoadException when the files are not one of the two Optimum layouts or a session lacks an input
     *     or output the contract needs, or has one it does not define
     * @throws OrtException when ONNX Runtime cannot load a file
     */
    Seq2SeqModel load(String id, Files files, GenerationSettings defaults) throws ModelLoadException, OrtException {
        boolean merged = files.mergedDecoder() != null;
        if (merged == (files.decoder() != null || files.decoderWithPast() != null)
                || (!merged && (files.decoder() == null || files.decoderWithPast() == null))) {
            throw new ModelLoadException("model " + id
                    + " needs decoder_model_merged.onnx, or decoder_model.onnx with decoder_with_past_model.onnx");
        }
        List<EngineSession> opened = new ArrayList<>();
        try {
            EngineSession encoder = open(files.encoder(), id + "/encoder", opened);
            EngineSession firstStep = open(merged ? files.mergedDecoder() : files.decoder(), id + "/decoder", opened);
            EngineSession cached =
                    merged ? firstStep : open(files.decoderWithPast(), id + "/decoder-with-past", opened);
            Seq2SeqLayout layout = Seq2SeqLayout.read(encoder.session(), cached.session());
            if (layout.merged() != merged) {
                throw new ModelLoadException("model " + id + ": the merged decoder must take use_cache_branch, the"
                        + " decoder with past must not");
            }
            if (!merged) {
                layout.checkFirstStep(firstStep.session());
            }
            for (EngineSession decoder : merged ? List.of(firstStep) : List.of(firstStep, cached)) {
                checkInputs(decoder, layout, id);
            }
            return new Seq2SeqModel(encoder, firstStep, cached, layout, defaults);
        } catch (ModelLoadException | OrtException | RuntimeException e) {
            for (EngineSession session : opened) {
                session.close();
            }
            throw e;
        }
    }

    private EngineSession open(byte @Nullable [] model, String id, List<EngineSession> opened) throws OrtException {
        if (model == null) {
            throw new IllegalArgumentException("no file for " + id);
        }
        EngineSession session = engine.open(model, id);
        opened.add(session);
        return session;
    }

    private static void checkInputs(EngineSession decoder, Seq2SeqLayout layout, String id)
            throws ModelLoadException, OrtException {
        for (String name : decoder.session().getInputNames()) {
            if (!known(name, layout)) {
                throw new ModelLoadException("model " + id + ": decoder input '" + name + "' is not part of the"
                        + " Optimum seq2seq contract");
            }
        }
    }

    private static boolean known(String name, Seq2SeqLayout layout) {
        if (Set.of(
                        Seq2SeqLayout.INPUT_IDS,
                        Seq2SeqLayout.ENCODER_ATTENTION_MASK,
                        Seq2SeqLayout.ENCODER_HIDDEN_STATES,
                        Seq2SeqLayout.USE_CACHE_BRANCH)
                .contains(name)) {
            return true;
        }
        for (int layer = 0; layer < layout.layers(); layer++) {
            for (String kind : Seq2SeqLayout.CACHE_KINDS) {
                if (name.equals(Seq2SeqLayout.past(layer, kind))) {
                    return true;
                }
            }
        }
        return false;
    }
}
