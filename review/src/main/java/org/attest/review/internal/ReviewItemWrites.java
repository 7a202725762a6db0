package org.attest.review.internal;

import java.time.Instant;
import java.util.UUID;
import org.attest.review.NewReviewItem;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The two writes of {@code review_item}: queue an item, and store the state a transition left it in. */
final class ReviewItemWrites {

    private final JdbcClient jdbc;

    ReviewItemWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ReviewItem insert(NewReviewItem item, Instant now, int priority) {
        ReviewItem queued = queued(item, now, priority);
        jdbc.sql("""
                        INSERT INTO review_item (id, summary_id, client_id, status, reason, release_policy_version,
                            priority, confidence, model_version, model_sha256, model_card_hash, model_served_version,
                            redaction_policy_version, draft_text, redacted_source, created_at, updated_at, version)
                        VALUES (:id, :summaryId, :clientId, 'PENDING', :reason, :releasePolicy, :priority, :confidence,
                            :modelVersion, :modelSha, :cardHash, :servedVersion, :redactionPolicy, :draft, :source,
                            :now, :now, 0)
                        """)
                .param("id", queued.id())
                .param("summaryId", queued.summaryId())
                .param("clientId", queued.clientId())
                .param("reason", queued.reason())
                .param("releasePolicy", queued.releasePolicyVersion())
                .param("priority", priority)
                .param("confidence", queued.confidence())
                .param("modelVersion", queued.modelVersion())
                .param("modelSha", queued.model().artifactSha256())
                .param("cardHash", queued.model().cardHash())
                .param("servedVersion", queued.model().servedVersion())
                .param("redactionPolicy", queued.redactionPolicyVersion())
                .param("draft", queued.draftText())
                .param("source", queued.redactedSource())
                .param("now", ReviewRows.utc(now))
                .update();
        return queued;
    }

    private static ReviewItem queued(NewReviewItem item, Instant now, int priority) {
        return new ReviewItem(
                UUID.randomUUID(),
                item.summaryId(),
                item.clientId(),
                ReviewStatus.PENDING,
                item.rulesFired().reason(),
                item.rulesFired().policyVersion(),
                priority,
                item.confidence(),
                item.model(),
                item.redactionPolicyVersion(),
                item.draftText(),
                item.redactedSource(),
                now,
                null,
                null,
                0);
    }

    /** Stores {@code item}'s state, checking that nobody moved it since {@code item.version() - 1}. */
    void update(ReviewItem item, Instant now) {
        ReviewItem.Claim claim = item.claim();
        ReviewItem.Decision decision = item.decision();
        int updated = jdbc.sql("""
                        UPDATE review_item SET status = :status, claimed_by_issuer = :claimIssuer,
                            claimed_by_subject = :claimSubject, lease_expires_at = :lease,
                            decided_by_issuer = :decidedIssuer, decided_by_subject = :decidedSubject,
                            decided_at = :decidedAt, final_text = :finalText, decision_reason = :reason,
                            edit_diff = :diff, edit_distance = :distance, updated_at = :now, version = :version
                        WHERE id = :id AND version = :previous
                        """)
                .param("status", item.status().name())
                .param("claimIssuer", claim == null ? null : claim.by().issuer())
                .param("claimSubject", claim == null ? null : claim.by().subject())
                .param("lease", claim == null ? null : ReviewRows.utc(claim.leaseExpiresAt()))
                .param("decidedIssuer", decision == null ? null : decision.by().issuer())
                .param("decidedSubject", decision == null ? null : decision.by().subject())
                .param("decidedAt", decision == null ? null : ReviewRows.utc(decision.at()))
                .param("finalText", decision == null ? null : decision.finalText())
                .param(
                        "reason",
                        decision == null || decision.reason() == null
                                ? null
                                : decision.reason().name())
                .param("diff", decision == null ? null : decision.diff())
                .param("distance", decision == null ? null : decision.editDistance())
                .param("now", ReviewRows.utc(now))
                .param("version", item.version())
                .param("previous", item.version() - 1)
                .param("id", item.id())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("review item changed concurrently");
        }
    }
}
