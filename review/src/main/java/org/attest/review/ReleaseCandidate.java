package org.attest.review;

/**
 * What the release policy knows about a prediction.
 *
 * @param confidence the model's confidence in [0,1]
 * @param modelThreshold the release threshold from the model's manifest
 * @param degraded true when a degraded fallback produced the prediction
 */
public record ReleaseCandidate(double confidence, double modelThreshold, boolean degraded) {}
