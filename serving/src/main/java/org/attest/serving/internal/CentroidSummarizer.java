package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.Arrays;
import java.util.List;
import org.attest.serving.internal.MmrSelector.Selection;
import org.attest.serving.internal.SentenceEncoder.Embeddings;
import org.jspecify.annotations.Nullable;

/**
 * Extractive summary by centrality: embed every candidate unit of the text ({@link SummaryCandidates}), take the
 * document centroid, rank units by relevance, pick units with {@link MmrSelector} until the word budget of the
 * {@link SummaryCalibration} is reached, and return them in their original order; then measure the
 * {@link ConfidenceSignals} and turn them into a confidence ({@link SummaryConfidence}).
 *
 * <p>Relevance is half centrality (cosine to the centroid), half clinical content (cosine to the
 * {@link ClinicalAnchors}), so that small talk in a dialogue loses to findings; unanswered questions lose a little,
 * since in a dialogue the answer, not the question, carries the fact; the patient's own sentences gain a little, since
 * a note records the patient's history. The weights were chosen on the train split by mean ROUGE-L (clinical weight
 * 0.1 to 0.7, question penalty 0 to 0.5, patient bonus 0 to 0.2 tried; 0.181 with these, 0.166 with the earlier
 * hand-set 0.3, 0.1 and no bonus).
 */
final class CentroidSummarizer implements AutoCloseable {

    static final double CLINICAL_WEIGHT = 0.5;
    static final double QUESTION_PENALTY = 0.2;
    static final double PATIENT_BONUS = 0.05;

    /**
     * Turns unit texts into unit-length vectors, with the version that served them: the encoder, or in the
     * evaluation a cache in front of it.
     */
    @FunctionalInterface
    interface Embedder {
        Embeddings embed(List<String> texts) throws OrtException;
    }

    private final SentenceEncoder encoder;
    private final Embedder embedder;
    private final ClinicalAnchors anchors;
    private final SummaryCalibration calibration;
    private final SummaryConfidence confidence;

    CentroidSummarizer(SentenceEncoder encoder, ClinicalAnchors anchors) {
        this(encoder, anchors, SummaryCalibration.shipped());
    }

    CentroidSummarizer(SentenceEncoder encoder, ClinicalAnchors anchors, SummaryCalibration calibration) {
        this(encoder, encoder::embed, anchors, calibration);
    }

    private CentroidSummarizer(
            SentenceEncoder encoder, Embedder embedder, ClinicalAnchors anchors, SummaryCalibration calibration) {
        this.encoder = encoder;
        this.embedder = embedder;
        this.anchors = anchors;
        this.calibration = calibration;
        this.confidence = new SummaryConfidence(calibration);
    }

    /** The same summarizer with another embedder and calibration (for the evaluation: caching, refitting). */
    CentroidSummarizer with(Embedder otherEmbedder, SummaryCalibration otherCalibration) {
        return new CentroidSummarizer(encoder, otherEmbedder, anchors, otherCalibration);
    }

    /**
     * An extractive summary and its confidence.
     *
     * @param text the chosen units, rendered
     * @param confidence in [0,1]
     * @param signals what the confidence was computed from
     * @param candidates how many units were considered
     * @param outOfDistribution whether the text lies beyond the calibration's out-of-distribution bound
     * @param servedVersion for a remote encoder, the server's version of the model as its answers to this text's
     *     calls named it ({@link Embeddings#servedVersion()}); null for a local one
     */
    record Extract(
            String text,
            double confidence,
            ConfidenceSignals signals,
            int candidates,
            boolean outOfDistribution,
            @Nullable String servedVersion) {}

    /** Summarizes a non-blank text within the calibration's word budget. */
    Extract summarize(String text) throws OrtException {
        List<NoteUnit> units = NoteSegmenter.segment(text);
        return summarize(units, calibration.budget(SummaryCandidates.words(units)));
    }

    /** Summarizes a segmented text within a word budget. */
    Extract summarize(List<NoteUnit> units, int budget) throws OrtException {
        List<NoteUnit> candidates = SummaryCandidates.of(units);
        Embeddings embeddings =
                embedder.embed(candidates.stream().map(NoteUnit::content).toList());
        float[][] vectors = embeddings.vectors();
        float[] centroid = Vectors.centroid(List.of(vectors));
        double[] centrality = new double[vectors.length];
        double[] clinical = new double[vectors.length];
        double[] relevance = new double[vectors.length];
        int[] words = new int[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            centrality[i] = Vectors.dot(vectors[i], centroid);
            clinical[i] = anchors.similarity(vectors[i]);
            boolean question = candidates.get(i).content().endsWith("?");
            relevance[i] = (1 - CLINICAL_WEIGHT) * centrality[i]
                    + CLINICAL_WEIGHT * clinical[i]
                    - (question ? QUESTION_PENALTY : 0)
                    + (candidates.get(i).spokenByPatient() ? PATIENT_BONUS : 0);
            words[i] = candidates.get(i).words();
        }
        Selection selection = MmrSelector.select(vectors, relevance, words, budget);
        List<NoteUnit> summary =
                selection.indices().stream().map(candidates::get).toList();
        ConfidenceSignals signals = new Embedded(candidates, vectors, centroid, centrality, clinical)
                .measure(selection, SummaryCandidates.words(units), anchors, calibration.centroid());
        return new Extract(
                NoteUnit.render(summary),
                confidence.of(signals),
                signals,
                candidates.size(),
                confidence.outOfDistribution(signals),
                embeddings.servedVersion());
    }

    /** The device the encoder runs on. */
    String device() {
        return encoder.device();
    }

    @Override
    public void close() throws OrtException {
        encoder.close();
    }

    /** An embedded text: its candidate units, their vectors and how each relates to the centroid and the anchors. */
    private record Embedded(
            List<NoteUnit> candidates, float[][] vectors, float[] centroid, double[] centrality, double[] clinical) {

        ConfidenceSignals measure(Selection selection, int inputWords, ClinicalAnchors anchors, float[] reference) {
            List<Integer> chosen = selection.indices();
            double coverage = Vectors.dot(
                    Vectors.centroid(chosen.stream().map(i -> vectors[i]).toList()), centroid);
            double chosenClinical =
                    chosen.stream().mapToDouble(i -> clinical[i]).average().orElse(0);
            double questions = chosen.stream()
                            .filter(i -> candidates.get(i).content().endsWith("?"))
                            .count()
                    / (double) chosen.size();
            return new ConfidenceSignals(
                    anchors.similarity(centroid),
                    coverage,
                    Arrays.stream(centrality).average().orElse(0),
                    selection.margin(),
                    selection.redundancy(),
                    Math.log1p(inputWords),
                    Math.log1p(candidates.size()),
                    chosenClinical,
                    questions,
                    candidates.stream().mapToInt(NoteUnit::negations).sum()
                            / (double) Math.max(
                                    1,
                                    candidates.stream()
                                            .mapToInt(NoteUnit::words)
                                            .sum()),
                    reference.length == centroid.length ? 1 - Vectors.dot(centroid, reference) : 0);
        }
    }
}
