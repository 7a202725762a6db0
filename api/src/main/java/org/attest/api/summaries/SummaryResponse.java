package org.attest.api.summaries;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A summary as the consumer sees it.
 *
 * @param id the summary's id, for {@code GET /v1/summaries/{id}}
 * @param summary the text once released; null while pending review or after rejection
 * @param status {@code RELEASED}, {@code PENDING_REVIEW} or {@code REJECTED}
 * @param confidence the model's confidence in [0,1]
 * @param modelVersion {@code name:version} of the model that produced it
 * @param degraded true when a degraded fallback produced it (never released without review)
 * @param redactionPolicyVersion the redaction policy applied to the input and the output
 * @param reviewReason the rule(s) that held it for review, or null
 * @param requestId the request that created it, as in the audit trail
 */
record SummaryResponse(
        UUID id,
        @Nullable String summary,
        SummaryStatus status,
        double confidence,
        String modelVersion,
        boolean degraded,
        String redactionPolicyVersion,
        @Nullable String reviewReason,
        String requestId,
        @Nullable String reviewOutcome,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt) {

    static SummaryResponse of(Summary summary) {
        return of(summary, Optional.empty());
    }

    static SummaryResponse of(Summary summary, Optional<ReviewOutcome> outcome) {
        return new SummaryResponse(
                summary.id(),
                summary.text(),
                summary.status(),
                summary.confidence(),
                summary.model().id(),
                summary.degraded(),
                summary.redactionPolicyVersion(),
                summary.reviewReason(),
                summary.requestId(),
                outcome.map(ReviewOutcome::outcome).orElse(null),
                outcome.map(ReviewOutcome::decidedBy).orElse(null),
                outcome.map(ReviewOutcome::decidedAt).orElse(null));
    }
}
