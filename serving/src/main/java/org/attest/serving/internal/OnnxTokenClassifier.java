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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attest.serving.EntitySpan;

/**
 * Runs any Hugging Face token-classification ONNX export: inputs {@code input_ids}, {@code attention_mask} and
 * optionally {@code token_type_ids}, output {@code logits} of shape {@code [batch, tokens, labels]}. Texts are
 * tokenized without truncation and read in windows of at most {@code maxTokens} tokens (special tokens included)
 * that overlap, windows of all texts of a batch run together, sorted by length to keep padding small. Per token the
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

    private OnnxTokenClassifier(
            EngineSession engine,
            HuggingFaceTokenizer tokenizer,
            TokenLabels labels,
            boolean takesTokenTypes,
            long[] specials,
            int maxTokens,
            int overlap) {
        this.engine = engine;
        this.tokenizer = tokenizer;
        this.labels = labels;
        this.takesTokenTypes = takesTokenTypes;
        // encode("") with special tokens gives e.g. [CLS] [SEP] or <s> </s>: the first opens, the rest close.
        this.opening = specials.length == 0 ? new long[0] : new long[] {specials[0]};
        this.closing = specials.length <= 1 ? new long[0] : java.util.Arrays.copyOfRange(specials, 1, specials.length);
        this.windowTokens = maxTokens - opening.length - closing.length;
        this.overlap = Math.min(overlap, windowTokens - 1);
    }

    /**
     * Wraps a session after checking its inputs and its {@code logits} output against the labels.
     *
     * @param maxTokens the longest window, special tokens included
     * @param overlap tokens shared by neighbouring windows
     */
    static OnnxTokenClassifier create(
            EngineSession engine, byte[] tokenizerJson, TokenLabels labels, int maxTokens, int overlap)
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
                engine, tokenizer, labels, inputs.contains(TOKEN_TYPE_IDS), specials, maxTokens, overlap);
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
        List<int[]> chosen = new ArrayList<>(texts.size());
        List<float[]> probabilities = new ArrayList<>(texts.size());
        for (int t = 0; t < texts.size(); t++) {
            TokenizedText tokens = TokenizedText.of(texts.get(t), tokenizer.encode(texts.get(t), false, false));
            tokenized.add(tokens);
            chosen.add(new int[tokens.length()]);
            probabilities.add(new float[tokens.length()]);
            if (tokens.length() > 0) {
                windows.addAll(TokenWindow.plan(t, tokens.length(), windowTokens, overlap));
            }
        }
        windows.sort(Comparator.comparingInt(TokenWindow::length));
        for (int start = 0; start < windows.size(); start += BATCH_SIZE) {
            run(windows.subList(start, Math.min(start + BATCH_SIZE, windows.size())), tokenized, chosen, probabilities);
        }
        List<List<EntitySpan>> entities = new ArrayList<>(texts.size());
        for (int t = 0; t < texts.size(); t++) {
            entities.add(
                    BioDecoder.decode(texts.get(t), tokenized.get(t), labels, chosen.get(t), probabilities.get(t)));
        }
        return entities;
    }

    private void run(List<TokenWindow> batch, List<TokenizedText> texts, List<int[]> chosen, List<float[]> probs)
            throws OrtException {
        int width = opening.length
                + closing.length
                + batch.stream().mapToInt(TokenWindow::length).max().orElse(0);
        long[] ids = new long[batch.size() * width];
        long[] mask = new long[batch.size() * width];
        for (int row = 0; row < batch.size(); row++) {
            TokenWindow window = batch.get(row);
            int at = row * width;
            for (long id : opening) {
                mask[at] = 1;
                ids[at++] = id;
            }
            long[] tokenIds = texts.get(window.text()).ids();
            for (int i = window.from(); i < window.to(); i++) {
                mask[at] = 1;
                ids[at++] = tokenIds[i];
            }
            for (long id : closing) {
                mask[at] = 1;
                ids[at++] = id;
            }
        }
        long[] shape = {batch.size(), width};
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
                read(logits.getFloatBuffer(), batch, width, chosen, probs);
            }
        }
    }

    private void read(FloatBuffer logits, List<TokenWindow> batch, int width, List<int[]> chosen, List<float[]> probs) {
        int count = labels.size();
        float[] row = new float[count];
        for (int r = 0; r < batch.size(); r++) {
            TokenWindow window = batch.get(r);
            for (int token = window.keepFrom(); token < window.keepTo(); token++) {
                int position = opening.length + token - window.from();
                logits.get((r * width + position) * count, row, 0, count);
                int best = 0;
                double sum = 0;
                for (int l = 1; l < count; l++) {
                    if (row[l] > row[best]) {
                        best = l;
                    }
                }
                for (int l = 0; l < count; l++) {
                    sum += Math.exp(row[l] - row[best]);
                }
                chosen.get(window.text())[token] = best;
                probs.get(window.text())[token] = (float) (1.0 / sum);
            }
        }
    }

    private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
        return OnnxTensor.createTensor(engine.environment(), LongBuffer.wrap(values), shape);
    }

    @Override
    public void close() throws OrtException {
        tokenizer.close();
        engine.close();
    }
}
