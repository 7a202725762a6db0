package org.attest.api.summaries;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.attest.audit.Actor;
import org.attest.audit.InputFingerprints;
import org.attest.review.ReviewDecided;
import org.attest.review.ReviewStatus;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a clinician's decision onto the held summary, inside the decision's own transaction (the review module
 * publishes {@link ReviewDecided} synchronously there): an approval or an edit releases the final text, a rejection
 * never releases anything.
 */
@Component
class ReviewOutcomes {

    private final JdbcClient jdbc;
    private final InputFingerprints fingerprints;

    ReviewOutcomes(JdbcClient jdbc, InputFingerprints fingerprints) {
        this.jdbc = jdbc;
        this.fingerprints = fingerprints;
    }

    @EventListener
    void decided(ReviewDecided decision) {
        boolean rejected = decision.outcome() == ReviewStatus.REJECTED;
        int updated = jdbc.sql("""
                        UPDATE summary SET status = :status, summary_text = :text, review_outcome = :outcome,
                            decided_by = :decidedBy, decided_at = :decidedAt, updated_at = :decidedAt
                        WHERE id = :id AND status = 'PENDING_REVIEW'
                        """)
                .param("status", rejected ? SummaryStatus.REJECTED.name() : SummaryStatus.RELEASED.name())
                .param("text", rejected ? null : decision.finalText())
                .param("outcome", decision.outcome().name())
                .param("decidedBy", opaque(decision.decidedBy()))
                .param("decidedAt", OffsetDateTime.ofInstant(decision.decidedAt(), ZoneOffset.UTC))
                .param("id", decision.summaryId())
                .update();
        if (updated != 1) {
            // the decision's transaction rolls back: a decision must land on a summary that waits for one
            throw new IllegalStateException("no held summary for the decided review item");
        }
    }

    /** The outcome of a summary's review, once decided. */
    Optional<ReviewOutcome> of(UUID summaryId) {
        return jdbc.sql("SELECT review_outcome, decided_by, decided_at FROM summary"
                        + " WHERE id = :id AND review_outcome IS NOT NULL")
                .param("id", summaryId)
                .query((rs, row) -> new ReviewOutcome(
                        rs.getString("review_outcome"),
                        rs.getString("decided_by"),
                        rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** A stable pseudonym of a clinician: the keyed HMAC of issuer and subject, shortened; never reversible. */
    private String opaque(Actor clinician) {
        String hmac = fingerprints
                .of("reviewer\n" + clinician.issuer() + "\n" + clinician.subject())
                .hmac();
        return "reviewer-" + hmac.substring(0, 20);
    }
}
