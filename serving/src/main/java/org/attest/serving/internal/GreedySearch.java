package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;

/** Greedy decoding: at each step the most probable token that no n-gram ban excludes. */
final class GreedySearch {

    private GreedySearch() {}

    static Generation run(DecoderSteps decoder, GenerationSettings settings) throws OrtException {
        List<Integer> tokens = new ArrayList<>();
        List<Double> logProbs = new ArrayList<>();
        int[] history = {settings.decoderStartTokenId()};
        int last = settings.decoderStartTokenId();
        for (int step = 0; step < settings.maxNewTokens(); step++) {
            double[] logProb = TokenScores.logSoftmax(decoder.next(new long[] {last}, new int[] {0})[0]);
            double[] scores = logProb.clone();
            TokenScores.banRepeatedNgrams(scores, history, settings.noRepeatNgramSize());
            int token = TokenScores.argmax(scores);
            tokens.add(token);
            logProbs.add(logProb[token]);
            if (token == settings.eosTokenId()) {
                return new Generation(tokens, logProbs, true);
            }
            history = append(history, token);
            last = token;
        }
        return new Generation(tokens, logProbs, false);
    }

    static int[] append(int[] history, int token) {
        int[] longer = java.util.Arrays.copyOf(history, history.length + 1);
        longer[history.length] = token;
        return longer;
    }
}
