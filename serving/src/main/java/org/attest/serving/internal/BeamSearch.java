package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search with Hugging Face semantics ({@code BeamSearchScorer}, {@code early_stopping=True}): K live beams, each
 * step's 2K best continuations by summed log-probability; a continuation ending in end-of-sequence and ranked below K
 * becomes a finished hypothesis scored {@code sum log p / generated_length ^ length_penalty}; the search stops when K
 * hypotheses are finished or at max-new-tokens (then the live beams count as hypotheses too). The first step expands
 * the single start row, so no beam is a duplicate.
 */
final class BeamSearch {

    private BeamSearch() {}

    private record Beam(int[] history, List<Integer> tokens, List<Double> logProbs, double score) {

        Beam extend(int token, double logProb, double cumulative) {
            List<Integer> longerTokens = new ArrayList<>(tokens);
            longerTokens.add(token);
            List<Double> longerLogProbs = new ArrayList<>(logProbs);
            longerLogProbs.add(logProb);
            return new Beam(GreedySearch.append(history, token), longerTokens, longerLogProbs, cumulative);
        }
    }

    private record Candidate(int row, int token, double score) {}

    private record Hypothesis(Generation generation, double score) {}

    /** The live beams after a step and, for each, the row of the previous step it continues. */
    private record Step(List<Beam> beams, int[] parents) {}

    static Generation run(DecoderSteps decoder, GenerationSettings settings) throws OrtException {
        int width = settings.beams();
        Step live = new Step(
                List.of(new Beam(new int[] {settings.decoderStartTokenId()}, List.of(), List.of(), 0)), new int[] {0});
        List<Hypothesis> finished = new ArrayList<>();
        for (int step = 0; step < settings.maxNewTokens() && finished.size() < width; step++) {
            Step next = step(decoder, settings, live, finished);
            if (next.beams().isEmpty()) {
                break;
            }
            live = next;
        }
        if (finished.size() < width) {
            live.beams().forEach(b -> finished.add(hypothesis(b, false, settings.lengthPenalty())));
        }
        return finished.stream()
                .filter(h -> !h.generation().tokens().isEmpty())
                .max(Comparator.comparingDouble(Hypothesis::score))
                .map(Hypothesis::generation)
                .orElseGet(() -> new Generation(List.of(), List.of(), false));
    }

    /** One decoder step over the live beams; finished hypotheses are added to {@code finished}. */
    private static Step step(DecoderSteps decoder, GenerationSettings settings, Step live, List<Hypothesis> finished)
            throws OrtException {
        int width = settings.beams();
        List<Beam> beams = live.beams();
        long[] last = beams.stream()
                .mapToLong(b -> b.history()[b.history().length - 1])
                .toArray();
        float[][] logits = decoder.next(last, live.parents());
        double[][] logProbs = new double[beams.size()][];
        List<Candidate> candidates = new ArrayList<>();
        for (int row = 0; row < beams.size(); row++) {
            logProbs[row] = TokenScores.logSoftmax(logits[row]);
            double[] scores = logProbs[row].clone();
            TokenScores.banRepeatedNgrams(scores, beams.get(row).history(), settings.noRepeatNgramSize());
            candidates.addAll(best(row, beams.get(row).score(), scores, 2 * width));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Beam> next = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        for (int rank = 0; rank < Math.min(2 * width, candidates.size()) && next.size() < width; rank++) {
            Candidate c = candidates.get(rank);
            if (c.score() == Double.NEGATIVE_INFINITY) {
                break;
            }
            Beam extended = beams.get(c.row()).extend(c.token(), logProbs[c.row()][c.token()], c.score());
            if (c.token() != settings.eosTokenId()) {
                next.add(extended);
                parents.add(c.row());
            } else if (rank < width) {
                finished.add(hypothesis(extended, true, settings.lengthPenalty()));
            }
        }
        return new Step(next, parents.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Hypothesis hypothesis(Beam beam, boolean ended, double lengthPenalty) {
        double length = Math.max(1, beam.tokens().size());
        return new Hypothesis(
                new Generation(beam.tokens(), beam.logProbs(), ended), beam.score() / Math.pow(length, lengthPenalty));
    }

    /** A row's {@code count} best continuations, scored cumulatively. */
    private static List<Candidate> best(int row, double base, double[] scores, int count) {
        List<Candidate> top = new ArrayList<>(count + 1);
        for (int v = 0; v < scores.length; v++) {
            double score = base + scores[v];
            if (top.size() < count || score > top.getLast().score()) {
                top.add(new Candidate(row, v, score));
                top.sort(Comparator.comparingDouble(Candidate::score).reversed());
                if (top.size() > count) {
                    top.removeLast();
                }
            }
        }
        return top;
    }
}
