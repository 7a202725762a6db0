package org.attest.serving;

/**
 * A model's summary of one text, before any release decision.
 *
 * @param text the summary
 * @param confidence the model's confidence in [0,1] that the summary is good
 * @param model the model version that produced it
 * @param degraded true when the model could not run and a fallback produced the text: never auto-released
 */
public record SummaryDraft(String text, double confidence, ModelVersion model, boolean degraded) {

    public SummaryDraft {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1]");
        }
    }
}
