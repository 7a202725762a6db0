package org.attest.api.summaries;

/** Where a summary stands for the consumer that asked for it. */
public enum SummaryStatus {
    /** Passed every release rule; the text is available. */
    RELEASED,
    /** Held for a clinician; the text is withheld until a decision. */
    PENDING_REVIEW,
    /** A clinician rejected it; the text is never released. */
    REJECTED
}
