package org.attest.serving;

import org.jspecify.annotations.Nullable;

/**
 * A model's summary of one text, before any release decision.
 *
 * @param text the summary
 * @param confidence the model's confidence in [0,1] that the summary is good
 * @param model the model version that produced it
 * @param degraded true when the model could not run and a fallback produced the text: never auto-released
 * @param outOfDistribution true when the text lies beyond the model's fitted out-of-distribution bound (unlike the
 *     development data it was calibrated on), so that its confidence says little: a release rule should send it to
 *     review
 * @param servedVersion when the model runs on a remote server (KServe v2), the version that server says computed this
 *     draft (its {@code model_version}; several, comma-separated, if it switched versions during the request), to
 *     record next to {@link ModelVersion#id() model}; null for a model that runs here, a degraded draft, or a server
 *     that named none
 */
public record SummaryDraft(
        String text,
        double confidence,
        ModelVersion model,
        boolean degraded,
        boolean outOfDistribution,
        @Nullable String servedVersion) {

    public SummaryDraft {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1]");
        }
        if (servedVersion != null && servedVersion.isBlank()) {
            throw new IllegalArgumentException("servedVersion must be null or not blank");
        }
    }

    /** A draft of a model that runs here: no remote server's version to record. */
    public SummaryDraft(
            String text, double confidence, ModelVersion model, boolean degraded, boolean outOfDistribution) {
        this(text, confidence, model, degraded, outOfDistribution, null);
    }

    /** A draft whose text is not known to be out of distribution (a degraded draft, a model without the check). */
    public SummaryDraft(String text, double confidence, ModelVersion model, boolean degraded) {
        this(text, confidence, model, degraded, false, null);
    }
}
