package org.attest.phiner;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the frozen encoder, cut after the layers the head reads ({@link EncoderCut}), over corpus sentences and keeps,
 * per token (special tokens included, as the exported model sees them), its {@link EncoderCut#FEATURES} vector and
 * its gold BIO label: {@code B-X} for the first token of a gold
 * span, {@code I-X} for the others, {@code O} elsewhere (special tokens too).
 */
final class TokenFeatures implements AutoCloseable {

    /** As long as the served windows ({@link Artifacts#MAX_TOKENS}): snippets of several sentences fit whole. */
    static final int MAX_TOKENS = 256;

    private static final int BATCH = 32;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTokenTypes;
    final int dimensions;

    /**
     * @param encoder the cut encoder ({@link EncoderCut#apply})
     * @param dimensions the width of its features
     */
    TokenFeatures(byte[] encoder, int dimensions, byte[] tokenizerJson) throws OrtException, IOException {
        environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            session = environment.createSession(encoder, options);
        }
        tokenizer = HuggingFaceTokenizer.newInstance(
                new ByteArrayInputStream(tokenizerJson),
                Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
        takesTokenTypes = session.getInputNames().contains("token_type_ids");
        this.dimensions = dimensions;
    }

    /** Features and labels of all tokens of all sentences, appended to {@code into}. */
    void collect(List<Sentence> sentences, Matrix into) throws OrtException {
        for (int start = 0; start < sentences.size(); start += BATCH) {
            List<Sentence> batch = sentences.subList(start, Math.min(start + BATCH, sentences.size()));
            Encoding[] encodings =
                    tokenizer.batchEncode(batch.stream().map(Sentence::text).toList());
            int width = 0;
            for (Encoding e : encodings) {
                width = Math.max(width, e.getIds().length);
            }
            long[] ids = new long[batch.size() * width];
            long[] mask = new long[batch.size() * width];
            for (int row = 0; row < batch.size(); row++) {
                long[] rowIds = encodings[row].getIds();
                System.arraycopy(rowIds, 0, ids, row * width, rowIds.length);
                java.util.Arrays.fill(mask, row * width, row * width + rowIds.length, 1L);
            }
            long[] shape = {batch.size(), width};
            try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                    OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                    OnnxTensor types =
                            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
                Map<String, OnnxTensor> inputs = new HashMap<>();
                inputs.put("input_ids", idTensor);
                inputs.put("attention_mask", maskTensor);
                if (takesTokenTypes) {
                    inputs.put("token_type_ids", types);
                }
                try (OrtSession.Result result = session.run(inputs)) {
                    FloatBuffer hidden =
                            ((OnnxTensor) result.get(EncoderCut.FEATURES).orElseThrow()).getFloatBuffer();
                    for (int row = 0; row < batch.size(); row++) {
                        addRow(batch.get(row), encodings[row], hidden, row, width, into);
                    }
                }
            }
        }
    }

    private void addRow(Sentence sentence, Encoding encoding, FloatBuffer hidden, int row, int width, Matrix into) {
        int[] utf16 = codePointToUtf16(sentence.text());
        CharSpan[] spans = encoding.getCharTokenSpans();
        long[] special = encoding.getSpecialTokenMask();
        float[] vector = new float[dimensions];
        for (int t = 0; t < encoding.getIds().length; t++) {
            int label = 0;
            if (special[t] == 0 && spans[t] != null) {
                int start = utf16[Math.min(spans[t].getStart(), utf16.length - 1)];
                int end = utf16[Math.min(spans[t].getEnd(), utf16.length - 1)];
                label = gold(sentence, start, end);
            }
            hidden.get((row * width + t) * dimensions, vector, 0, dimensions);
            into.add(vector, label);
        }
    }

    private static int gold(Sentence sentence, int start, int end) {
        for (Sentence.Span span : sentence.spans()) {
            if (start < span.end() && end > span.start()) {
                return start <= span.start() ? Labels.begin(span.label()) : Labels.inside(span.label());
            }
        }
        return 0;
    }

    static int[] codePointToUtf16(String text) {
        int[] utf16 = new int[text.codePointCount(0, text.length()) + 1];
        int index = 0;
        for (int cp = 0; cp < utf16.length - 1; cp++) {
            utf16[cp] = index;
            index += Character.charCount(text.codePointAt(index));
        }
        utf16[utf16.length - 1] = text.length();
        return utf16;
    }

    @Override
    public void close() throws OrtException {
        tokenizer.close();
        session.close();
    }
}
