package org.attest.serving.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks summary units by maximal marginal relevance (Carbonell and Goldstein, 1998): each step takes the unit with the
 * best {@code lambda * relevance - (1 - lambda) * (highest cosine to a unit already taken)}, so a second unit that
 * says the same as the first loses to one that adds something. Units closer than {@link #DUPLICATE_COSINE} to one
 * already taken are never taken. Ties go to the earlier unit, which makes the choice deterministic.
 */
final class MmrSelector {

    /** Weight of relevance against redundancy. */
    static final double LAMBDA = 0.7;

    /** Above this cosine two units say the same thing (MiniLM gives 0.95+ to near-verbatim repeats). */
    static final double DUPLICATE_COSINE = 0.95;

    private MmrSelector() {}

    /**
     * Selects up to {@code k} units.
     *
     * @param vectors unit-length embeddings of the candidate units
     * @param relevance how much each unit belongs in a summary (mostly its cosine to the document centroid)
     * @return the indices taken, ascending (the units' original order)
     */
    static List<Integer> select(float[][] vectors, double[] relevance, int k) {
        List<Integer> taken = new ArrayList<>(k);
        double[] redundancy = new double[vectors.length];
        boolean[] excluded = new boolean[vectors.length];
        while (taken.size() < k) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < vectors.length; i++) {
                double score = LAMBDA * relevance[i] - (1 - LAMBDA) * redundancy[i];
                if (!excluded[i] && score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0) {
                break;
            }
            taken.add(best);
            excluded[best] = true;
            for (int i = 0; i < vectors.length; i++) {
                double cosine = Vectors.dot(vectors[i], vectors[best]);
                redundancy[i] = Math.max(redundancy[i], cosine);
                excluded[i] |= cosine > DUPLICATE_COSINE;
            }
        }
        taken.sort(null);
        return taken;
    }

    /** How many units a summary of {@code candidates} units takes: a fifth of them, at least 1, at most 6. */
    static int summaryLength(int candidates) {
        return (int) Math.max(1, Math.min(6, Math.round(candidates * 0.2)));
    }
}
