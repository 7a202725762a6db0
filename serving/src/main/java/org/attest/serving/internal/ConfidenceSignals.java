package org.attest.serving.internal;

import java.util.List;

/**
 * What a summary's confidence is computed from: measurements of the text, of the selection and of the text's distance
 * from the development data, each a plain number so that {@link SummaryConfidence} can weigh them.
 *
 * @param domain how clinical the text is: the cosine of the document centroid to the {@link ClinicalAnchors}
 * @param coverage how much of the text the summary stands for: the cosine of the chosen units' centroid to the
 *     document centroid (1 when the summary is the whole text)
 * @param cohesion the mean cosine of the units to the document centroid: how much the text is about one thing
 * @param margin the selection margin: the MMR score of the last unit taken minus the best left out
 * @param redundancy the highest cosine between two chosen units
 * @param inputWords the natural log of 1 + the text's length in words
 * @param units the natural log of 1 + the number of candidate units
 * @param chosenClinical the mean cosine of the chosen units to the clinical anchors
 * @param questions the share of chosen units that are questions
 * @param negations the share of the text's words that are negations ({@code no}, {@code denies}, {@code don't}): a
 *     dialogue of denials is summarized by a clinician as {@code Negative.} or {@code None.}, which no quoted sentence
 *     matches
 * @param distance the out-of-distribution distance: 1 - cosine of the document centroid to the mean document
 *     centroid of the development data's train split
 */
record ConfidenceSignals(
        double domain,
        double coverage,
        double cohesion,
        double margin,
        double redundancy,
        double inputWords,
        double units,
        double chosenClinical,
        double questions,
        double negations,
        double distance) {

    /** The names of the signals, in the order of {@link #values()}: the keys of the calibration file. */
    static final List<String> NAMES = List.of(
            "domain",
            "coverage",
            "cohesion",
            "margin",
            "redundancy",
            "input-words",
            "units",
            "chosen-clinical",
            "questions",
            "negations",
            "distance");

    /** The signals in the order of {@link #NAMES}. */
    double[] values() {
        return new double[] {
            domain,
            coverage,
            cohesion,
            margin,
            redundancy,
            inputWords,
            units,
            chosenClinical,
            questions,
            negations,
            distance
        };
    }
}
