package org.attest.serving;

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
 */
public record SummaryDraft(
        String text, double confidence, ModelVersion model, boolean degraded, boolean outOfDistribution) {

    public SummaryDraft {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1]");
        }
    }

    /** A draft whose text is not known to be out of distribution (a degraded draft, a model without the check). */
    public SummaryDraft(String text, double confidence, ModelVersion model, boolean degraded) {
        this(text, confidence, model, degraded, false);
    }
}
