package org.attest.serving.internal;

import java.util.Arrays;
import java.util.List;

/**
 * A summary's confidence from two signals of the sentence embeddings (see {@link ConfidenceSignals}), squashed by a
 * logistic:
 *
 * <pre>
 * z          = W_DOMAIN * (domain - DOMAIN_MIDPOINT) + W_COVERAGE * (coverage - NEUTRAL_COVERAGE)
 * confidence = 1 / (1 + exp(-z))
 * </pre>
 *
 * <p>The constants are set by hand, not fitted, from development data (MTS-Dialog and ACI-Bench notes and dialogues
 * against off-topic and garbled texts written for the purpose): full clinical notes land at about 0.75 to 0.95,
 * doctor-patient dialogues at about 0.2 to 0.87 (short small-talk snippets lowest), off-topic and garbled text below
 * 0.3. A later calibration on labelled data replaces them. The confidence says whether the text is the kind the
 * summarizer is made for and whether the chosen units stand for it, not whether the summary is clinically right.
 *
 * <p>Cohesion (how close all units lie to the centroid) is measured but left out: MiniLM puts garbled units close to
 * each other, so garbled text scored a higher cohesion (0.75) than real notes (0.52).
 */
final class SummaryConfidence {

    static final double W_DOMAIN = 4.5;
    static final double DOMAIN_MIDPOINT = 0.3;
    static final double W_COVERAGE = 3.0;
    static final double NEUTRAL_COVERAGE = 0.8;

    private final ClinicalAnchors anchors;

    SummaryConfidence(ClinicalAnchors anchors) {
        this.anchors = anchors;
    }

    /**
     * The signals of one summary.
     *
     * @param centroid the document centroid
     * @param centrality each unit's cosine to it
     * @param chosen the vectors of the units the summary took
     */
    ConfidenceSignals signals(float[] centroid, double[] centrality, List<float[]> chosen) {
        double domain = anchors.similarity(centroid);
        // A one-unit text is its own summary: coverage 1 by construction would say nothing.
        double coverage = centrality.length == 1 ? NEUTRAL_COVERAGE : Vectors.dot(Vectors.centroid(chosen), centroid);
        double cohesion = Arrays.stream(centrality).average().orElse(0);
        return new ConfidenceSignals(domain, coverage, cohesion);
    }

    /** The confidence, in [0,1]. */
    double of(ConfidenceSignals signals) {
        double z =
                W_DOMAIN * (signals.domain() - DOMAIN_MIDPOINT) + W_COVERAGE * (signals.coverage() - NEUTRAL_COVERAGE);
        return 1 / (1 + Math.exp(-z));
    }
}
