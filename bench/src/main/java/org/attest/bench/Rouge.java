package org.attest.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ROUGE as the MEDIQA challenges score clinical note generation (Lin, 2004; Google's {@code rouge_score} without
 * stemming): lower-case, split on everything that is not an ASCII letter or digit, no stemming, no stop words; ROUGE-N
 * from clipped n-gram overlap, ROUGE-L from the longest common subsequence of the whole token sequences; the F1 of
 * precision and recall. An empty reference or candidate scores 0.
 */
final class Rouge {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Rouge() {}

    /** Precision, recall and their F1. */
    record Score(double precision, double recall, double f1) {

        static Score of(int overlap, int candidate, int reference) {
            if (overlap == 0 || candidate == 0 || reference == 0) {
                return new Score(0, 0, 0);
            }
            double precision = (double) overlap / candidate;
            double recall = (double) overlap / reference;
            return new Score(precision, recall, 2 * precision * recall / (precision + recall));
        }
    }

    /** The tokens ROUGE compares. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : NOT_ALPHANUMERIC.split(text.toLowerCase(Locale.ROOT))) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** ROUGE-N of a candidate against one reference. */
    static Score n(int n, String reference, String candidate) {
        Map<List<String>, Integer> referenceGrams = grams(tokens(reference), n);
        Map<List<String>, Integer> candidateGrams = grams(tokens(candidate), n);
        int overlap = 0;
        for (Map.Entry<List<String>, Integer> gram : candidateGrams.entrySet()) {
            overlap += Math.min(gram.getValue(), referenceGrams.getOrDefault(gram.getKey(), 0));
        }
        return Score.of(overlap, total(candidateGrams), total(referenceGrams));
    }

    /** ROUGE-L of a candidate against one reference. */
    static Score l(String reference, String candidate) {
        List<String> ref = tokens(reference);
        List<String> cand = tokens(candidate);
        return Score.of(lcs(ref, cand), cand.size(), ref.size());
    }

    /** The length of the longest common subsequence, in two rows of the usual table. */
    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static Map<List<String>, Integer> grams(List<String> tokens, int n) {
        Map<List<String>, Integer> grams = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            grams.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return grams;
    }

    private static int total(Map<List<String>, Integer> grams) {
        return grams.values().stream().mapToInt(Integer::intValue).sum();
    }
}
