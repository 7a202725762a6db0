package org.attest.serving.internal;

import java.util.List;

/**
 * What a seq2seq model generated.
 *
 * @param tokens the generated token ids, the end-of-sequence token included when it was generated
 * @param tokenLogProbs the natural log-probability the model gave each of {@code tokens} (raw log-softmax, before
 *     n-gram bans), one per token
 * @param finished true when generation ended with end-of-sequence, false when it hit max-new-tokens
 */
record Generation(List<Integer> tokens, List<Double> tokenLogProbs, boolean finished) {

    Generation {
        tokens = List.copyOf(tokens);
        tokenLogProbs = List.copyOf(tokenLogProbs);
        if (tokens.size() != tokenLogProbs.size()) {
            throw new IllegalArgumentException("one log-probability per token");
        }
    }

    /** Mean token log-probability, 0 for nothing generated. */
    double meanLogProb() {
        return tokenLogProbs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NEGATIVE_INFINITY);
    }

    /**
     * Confidence in [0,1]: {@code exp(mean token log-probability)}, the geometric mean of the token probabilities
     * (= 1 / perplexity). 1 when every token had probability 1; 0 when nothing was generated.
     */
    double confidence() {
        return tokens.isEmpty() ? 0.0 : Math.exp(meanLogProb());
    }
}
