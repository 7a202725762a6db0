package org.attest.review;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the release policy knows about a prediction. The application fills it from the model's draft, its manifest
 * and its card.
 *
 * @param confidence the model's confidence in [0,1]
 * @param modelThreshold the release threshold from the model's manifest
 * @param degraded true when a degraded fallback produced the prediction
 * @param modelVersion {@code name:version} of the model (for probation); empty when unknown
 * @param inputChars the length of the input in characters
 * @param language the input's language (ISO 639-1), or null when unknown
 * @param outOfDistribution the summarizer's own flag that the input is unlike what it was built for
 * @param scope the model card's declared scope, or null when the card declares none
 */
public record ReleaseCandidate(
        double confidence,
        double modelThreshold,
        boolean degraded,
        String modelVersion,
        int inputChars,
        @Nullable String language,
        boolean outOfDistribution,
        @Nullable CardScope scope) {

    /** A candidate with only the confidence signals: no model version, no scope, in distribution. */
    public ReleaseCandidate(double confidence, double modelThreshold, boolean degraded) {
        this(confidence, modelThreshold, degraded, "", 0, null, false, null);
    }

    /**
     * The model card's {@code scope}: inputs outside it are held for review.
     *
     * @param minChars the shortest input, or null for no limit
     * @param maxChars the longest input, or null for no limit
     * @param languages the languages it supports (ISO 639-1); empty for no limit
     */
    public record CardScope(
            @Nullable Integer minChars, @Nullable Integer maxChars, List<String> languages) {

        public CardScope {
            languages = List.copyOf(languages);
        }
    }
}
