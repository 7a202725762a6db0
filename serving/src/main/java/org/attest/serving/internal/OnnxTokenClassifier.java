package org.attest.serving.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.Result;
import ai.onnxruntime.TensorInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attest.serving.EntitySpan;

/**
 * Runs any Hugging Face token-classification ONNX export: inputs {@code input_ids}, {@code attention_mask} and
 * optionally {@code token_type_ids}, output {@code logits} of shape {@code [batch, tokens, labels]}. Texts are
 * tokenized without truncation and read in windows of at most {@code maxTokens} tokens (special tokens included)
 * that overlap. The windows of all texts go through one {@link BatchedInference}, so that with micro-batching on they
 * share model calls with other requests' windows, run in length buckets to keep padding small. Per token the
 * softmax's best label is kept; {@link BioDecoder} makes entities with offsets into the original strings.
 *
 * <p>Thread-safe: the tokenizer and the session are shared, every tensor and result is closed after each run.
 */
final class OnnxTokenClassifier implements LoadedModel {

    /** Windows per ONNX Runtime run. */
    static final int BATCH_SIZE = 16;

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String LOGITS = "logits";

    private final EngineSession engine;
    private final HuggingFaceTokenizer tokenizer;
    private final TokenLabels labels;
    private final boolean takesTokenTypes;
    private final long[] opening;
    private final long[] closing;
    private final int windowTokens;
    private final int overlap;
    private final BatchedInference<long[], WindowLabels> inference;

    private OnnxTokenClassifier(
            EngineSession engine,
            HuggingFaceTokenizer tokenizer,
            TokenLabels labels,
            boolean takesTokenTypes,
            long[] specials,
            int maxTokens,
            int overlap,
            ModelBatching batching) {
        this.engine = engine;
        this.tokenizer = tokenizer;
        this.labels = labels;
        this.takesTokenTypes = takesTokenTypes;
        // encode("") with special tokens gives e.g. [CLS] [SEP] or <s> </s>: the first opens, the rest close.
        this.opening = specials.length == 0 ? new long[0] : new long[] {specials[0]};
        this.closing = specials.length <= 1 ? new long[0] : java.util.Arrays.copyOfRange(specials, 1, specials.length);
        this.windowTokens = maxTokens - opening.length - closing.length;
        this.overlap = Math.min(overlap, windowTokens - 1);
        this.inference = batching.open(this::runWindows);
    }

    /**
     * Wraps a session after checking its inputs and its {@code logits} output against the labels.
     *
     * @param maxTokens the longest window, special tokens included
     * @param overlap tokens shared by neighbouring windows
     * @param batching how windows reach the model (micro-batched with other requests' windows or not) and the model
     *     the meters name
     */
    static OnnxTokenClassifier create(
            EngineSession engine,
            byte[] tokenizerJson,
            TokenLabels labels,
            int maxTokens,
            int overlap,
            ModelBatching batching)
            throws ModelLoadException, OrtException {
        Set<String> inputs = engine.session().getInputNames();
        for (String input : inputs) {
            if (!Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS).contains(input)) {
                throw new ModelLoadException("token classifier has an unsupported input '" + input + "'");
            }
        }
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            throw new ModelLoadException("token classifier lacks input_ids or attention_mask");
        }
        checkLogits(engine.session().getOutputInfo().get(LOGITS), labels);
        Map<String, String> options = Map.of("padding", "false", "truncation", "false");
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), options);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(
                    "tokenizer cannot be read: " + e.getClass().getSimpleName(), e);
        }
        long[] specials = tokenizer.encode("", true, false).getIds();
        if (maxTokens - specials.length < 2) {
            tokenizer.close();
            throw new ModelLoadException("max-tokens leaves no room for text between the special tokens");
        }
        return new OnnxTokenClassifier(
                engine, tokenizer, labels, inputs.contains(TOKEN_TYPE_IDS), specials, maxTokens, overlap, batching);
    }

    private static void checkLogits(NodeInfo output, TokenLabels labels) throws ModelLoadException {
        if (output == null || !(output.getInfo() instanceof TensorInfo tensor) || tensor.getShape().length != 3) {
            throw new ModelLoadException("token classifier lacks a logits output of shape [batch, tokens, labels]");
        }
        long width = tensor.getShape()[2];
        if (width > 0 && width != labels.size()) {
            throw new ModelLoadException(
                    "logits have " + width + " labels but config.json id2label has " + labels.size());
        }
    }

    @Override
    public String device() {
        return engine.device();
    }

    @Override
    public void warmUp() throws OrtException {
        classify(List.of("Seen today by Dr. Example at the General Clinic in Springfield."));
    }

    /** Entities of each text, sorted by start. */
    List<List<EntitySpan>> classify(List<String> texts) throws OrtException {
        List<TokenizedText> tokenized = new ArrayList<>(texts.size());
        List<TokenWindow> windows = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            TokenizedText tokens = TokenizedText.of(texts.get(t), tokenizer.encode(texts.get(t), false, false));
            tokenized.add(tokens);
            if (tokens.length() > 0) {
                windows.addAll(TokenWindow.plan(t, tokens.length(), windowTokens, overlap));
            }
        }
        List<long[]> inputs = new ArrayList<>(windows.size());
        for (TokenWindow window : windows) {
            inputs.add(withSpecials(tokenized.get(window.text()).ids(), window));
        }
        List<WindowLabels> outputs = inference.infer(inputs);
        List<List<EntitySpan>> entities = new ArrayList<>(texts.size());
        for (int t = 0; t < texts.size(); t++) {
            int length = tokenized.get(t).length();
            int[] chosen = new int[length];
            float[] probabilities = new float[length];
            for (int w = 0; w < windows.size(); w++) {
                TokenWindow window = windows.get(w);
                if (window.text() == t) {
                    outputs.get(w).keep(window, opening.length, chosen, probabilities);
                }
            }
            entities.add(BioDecoder.decode(texts.get(t), tokenized.get(t), labels, chosen, probabilities));
        }
        return entities;
    }

    /** One window's model input: its tokens between the opening and closing special tokens. */
    private long[] withSpecials(long[] tokenIds, TokenWindow window) {
        long[] ids = new long[opening.length + window.length() + closing.length];
        System.arraycopy(opening, 0, ids, 0, opening.length);
        System.arraycopy(tokenIds, window.from(), ids, opening.length, window.length());
        System.arraycopy(closing, 0, ids, opening.length + window.length(), closing.length);
        return ids;
    }

    /**
     * One model call on windows, possibly of several requests' texts: run as {@link LengthBuckets} of at most
     * {@link #BATCH_SIZE} windows, each padded to its longest member.
     */
    private List<WindowLabels> runWindows(List<long[]> windows) throws OrtException {
        int[] lengths = windows.stream().mapToInt(ids -> ids.length).toArray();
        WindowLabels[] outputs = new WindowLabels[windows.size()];
        for (int[] bucket : LengthBuckets.plan(lengths, BATCH_SIZE)) {
            List<long[]> rows =
                    java.util.Arrays.stream(bucket).mapToObj(windows::get).toList();
            List<WindowLabels> labelled = runBucket(rows);
            for (int i = 0; i < bucket.length; i++) {
                outputs[bucket[i]] = labelled.get(i);
            }
        }
        return java.util.Arrays.asList(outputs);
    }

    private List<WindowLabels> runBucket(List<long[]> rows) throws OrtException {
        int width = rows.stream().mapToInt(ids -> ids.length).max().orElse(0);
        long[] ids = new long[rows.size() * width];
        long[] mask = new long[rows.size() * width];
        for (int row = 0; row < rows.size(); row++) {
            long[] window = rows.get(row);
            System.arraycopy(window, 0, ids, row * width, window.length);
            java.util.Arrays.fill(mask, row * width, row * width + window.length, 1L);
        }
        long[] shape = {rows.size(), width};
        try (OnnxTensor idTensor = tensor(ids, shape);
                OnnxTensor maskTensor = tensor(mask, shape);
                OnnxTensor typeTensor = tensor(new long[ids.length], shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(INPUT_IDS, idTensor);
            inputs.put(ATTENTION_MASK, maskTensor);
            if (takesTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS, typeTensor);
            }
            try (Result result = engine.session().run(inputs)) {
                OnnxTensor logits = (OnnxTensor) result.get(LOGITS)
                        .orElseThrow(() -> new IllegalStateException("token classifier returned no logits"));
                return read(logits.getFloatBuffer(), rows, width);
            }
        }
    }

    /** Per position of each row, the softmax's best label and its probability. */
    private List<WindowLabels> read(FloatBuffer logits, List<long[]> rows, int width) {
        int count = labels.size();
        float[] row = new float[count];
        List<WindowLabels> out = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            int length = rows.get(r).length;
            int[] best = new int[length];
            float[] probability = new float[length];
            for (int position = 0; position < length; position++) {
                logits.get((r * width + position) * count, row, 0, count);
                int top = 0;
                for (int l = 1; l < count; l++) {
                    if (row[l] > row[top]) {
                        top = l;
                    }
                }
                double sum = 0;
                for (int l = 0; l < count; l++) {
                    sum += Math.exp(row[l] - row[top]);
                }
                best[position] = top;
                probability[position] = (float) (1.0 / sum);
            }
            out.add(new WindowLabels(best, probability));
        }
        return out;
    }

    /**
     * A window's result: per position (special tokens included) the best label and its probability.
     *
     * @param labels label index per position
     * @param probabilities that label's softmax probability per position
     */
    record WindowLabels(int[] labels, float[] probabilities) {

        /** Copies the predictions of the tokens this window provides into the text's arrays. */
        void keep(TokenWindow window, int openingTokens, int[] chosen, float[] probs) {
            for (int token = window.keepFrom(); token < window.keepTo(); token++) {
                int position = openingTokens + token - window.from();
                chosen[token] = labels[position];
                probs[token] = probabilities[position];
            }
        }
    }

    private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
        return OnnxTensor.createTensor(engine.environment(), LongBuffer.wrap(values), shape);
    }

    @Override
    public void close() throws OrtException {
        inference.close();
        tokenizer.close();
        engine.close();
    }
}
