package org.attest.serving.internal;

/** Log-softmax and the no-repeat n-gram ban, as Hugging Face's logits processors compute them. */
final class TokenScores {

    private TokenScores() {}

    /** {@code z - logsumexp(z)}, computed stably. */
    static double[] logSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (float z : logits) {
            sum += Math.exp(z - max);
        }
        double logZ = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int v = 0; v < logits.length; v++) {
            out[v] = logits[v] - logZ;
        }
        return out;
    }

    /**
     * Sets to -infinity every token that would repeat an n-gram of {@code history} (Hugging Face's
     * {@code NoRepeatNGramLogitsProcessor}): the tokens that followed an earlier occurrence of the last n-1 tokens.
     */
    static void banRepeatedNgrams(double[] scores, int[] history, int n) {
        if (n <= 0 || history.length + 1 < n) {
            return;
        }
        int prefix = history.length - (n - 1);
        for (int i = 0; i + n <= history.length; i++) {
            boolean same = true;
            for (int j = 0; j < n - 1 && same; j++) {
                same = history[i + j] == history[prefix + j];
            }
            if (same) {
                scores[history[i + n - 1]] = Double.NEGATIVE_INFINITY;
            }
        }
    }

    static int argmax(double[] scores) {
        int best = 0;
        for (int v = 1; v < scores.length; v++) {
            if (scores[v] > scores[best]) {
                best = v;
            }
        }
        return best;
    }
}
