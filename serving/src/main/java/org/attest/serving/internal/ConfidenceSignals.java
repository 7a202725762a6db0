package org.attest.serving.internal;

/**
 * What a summary's confidence is computed from; both are cosines of unit vectors, in [-1,1].
 *
 * @param domain how clinical the text is: the cosine of the document centroid to the centroid of fixed clinical
 *     anchor sentences
 * @param coverage how much of the text the summary stands for: the cosine of the chosen units' centroid to the
 *     document centroid; {@link SummaryConfidence#NEUTRAL_COVERAGE} for a one-unit text, where it is 1 by construction
 * @param cohesion the mean cosine of the units to the document centroid; reported for diagnosis, not used (see
 *     {@link SummaryConfidence})
 */
record ConfidenceSignals(double domain, double coverage, double cohesion) {}
