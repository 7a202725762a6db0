package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attest.serving.internal.NoteUnit.Kind;

/**
 * Extractive summary by centrality: embed every unit of the text, take the document centroid, rank units by
 * relevance, pick a few with {@link MmrSelector} and return them in their original order.
 *
 * <p>Relevance is mostly centrality (cosine to the centroid), partly clinical content (cosine to the
 * {@link ClinicalAnchors}), so that small talk in a dialogue loses to findings; questions lose a little, since in a
 * dialogue the answer, not the question, carries the fact.
 *
 * <p>Candidates are the text's units other than headers, verbatim repeats removed, and only units of at least
 * {@link #MIN_WORDS} words ({@code Okay.} or {@code No.} says nothing alone) unless none has that many. Only the first
 * {@link #MAX_UNITS} candidates are considered, and the encoder truncates each to the manifest's {@code max-tokens}:
 * this bounds the work of one summary whatever the input size (the API caps input at 20,000 characters, about 300
 * sentences).
 */
final class CentroidSummarizer implements AutoCloseable {

    static final int MAX_UNITS = 400;
    static final int MIN_WORDS = 3;
    static final double CLINICAL_WEIGHT = 0.3;
    static final double QUESTION_PENALTY = 0.1;

    private final SentenceEncoder encoder;
    private final ClinicalAnchors anchors;
    private final SummaryConfidence confidence;

    CentroidSummarizer(SentenceEncoder encoder, ClinicalAnchors anchors) {
        this.encoder = encoder;
        this.anchors = anchors;
        this.confidence = new SummaryConfidence(anchors);
    }

    /**
     * An extractive summary and its confidence.
     *
     * @param text the chosen units, rendered
     * @param confidence in [0,1]
     * @param signals what the confidence was computed from
     * @param candidates how many units were considered
     */
    record Extract(String text, double confidence, ConfidenceSignals signals, int candidates) {}

    /** Summarizes a non-blank text. */
    Extract summarize(String text) throws OrtException {
        List<NoteUnit> candidates = candidates(NoteSegmenter.segment(text));
        float[][] vectors =
                encoder.encode(candidates.stream().map(NoteUnit::content).toList());
        float[] centroid = Vectors.centroid(List.of(vectors));
        double[] centrality = new double[vectors.length];
        double[] relevance = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            centrality[i] = Vectors.dot(vectors[i], centroid);
            boolean question = candidates.get(i).content().endsWith("?");
            relevance[i] = (1 - CLINICAL_WEIGHT) * centrality[i]
                    + CLINICAL_WEIGHT * anchors.similarity(vectors[i])
                    - (question ? QUESTION_PENALTY : 0);
        }
        List<Integer> chosen = MmrSelector.select(vectors, relevance, MmrSelector.summaryLength(vectors.length));
        List<NoteUnit> summary = chosen.stream().map(candidates::get).toList();
        ConfidenceSignals signals = confidence.signals(
                centroid, centrality, chosen.stream().map(i -> vectors[i]).toList());
        return new Extract(NoteUnit.render(summary), confidence.of(signals), signals, candidates.size());
    }

    /** The device the encoder runs on. */
    String device() {
        return encoder.device();
    }

    /** For a remote encoder (backend {@code kserve-v2}), the server's model version, to record in the audit row. */
    java.util.Optional<String> servedVersion() {
        return encoder.servedVersion();
    }

    @Override
    public void close() throws OrtException {
        encoder.close();
    }

    /** The units a summary may quote, in order: see the class comment. */
    static List<NoteUnit> candidates(List<NoteUnit> units) {
        List<NoteUnit> content =
                units.stream().filter(unit -> unit.kind() != Kind.HEADER).toList();
        List<NoteUnit> substantial =
                content.stream().filter(unit -> unit.words() >= MIN_WORDS).toList();
        List<NoteUnit> pool = !substantial.isEmpty() ? substantial : !content.isEmpty() ? content : units;
        List<NoteUnit> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NoteUnit unit : pool) {
            if (candidates.size() == MAX_UNITS) {
                break;
            }
            if (seen.add(unit.normalized())) {
                candidates.add(unit);
            }
        }
        return candidates;
    }
}
