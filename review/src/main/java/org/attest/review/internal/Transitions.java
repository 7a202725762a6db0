package org.attest.review.internal;

import java.time.Duration;
import java.time.Instant;
import org.attest.audit.Actor;
import org.attest.review.IllegalTransitionException;
import org.attest.review.IllegalTransitionException.Refusal;
import org.attest.review.ReviewDecision;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewStatus;

/**
 * The guarded transitions of a review item, on the item as it reads now (a lapsed claim reads as PENDING). Each
 * returns the item after the transition, with its version incremented, or throws and changes nothing.
 */
final class Transitions {

    private Transitions() {}

    /** PENDING → CLAIMED, or CLAIMED → CLAIMED by the same clinician (a renewed lease). */
    static ReviewItem claim(ReviewItem item, Actor by, Instant now, Duration lease) {
        if (item.status().decided()) {
            throw new IllegalTransitionException(Refusal.ALREADY_DECIDED);
        }
        if (item.claim() != null && !item.claim().by().equals(by)) {
            throw new IllegalTransitionException(Refusal.CLAIMED_BY_ANOTHER);
        }
        return with(item, ReviewStatus.CLAIMED, new ReviewItem.Claim(by, now.plus(lease)), null);
    }

    /** CLAIMED with a lapsed lease (read as PENDING without a claim) → PENDING, stored. */
    static ReviewItem lapse(ReviewItem item) {
        if (item.status() != ReviewStatus.PENDING || item.claim() != null) {
            throw new IllegalStateException("only a lapsed claim can lapse");
        }
        return with(item, ReviewStatus.PENDING, null, null);
    }

    /** CLAIMED (a live claim by {@code by}) → APPROVED, EDITED or REJECTED. */
    static ReviewItem decide(ReviewItem item, Actor by, Instant now, ReviewDecision decision) {
        if (item.status().decided()) {
            throw new IllegalTransitionException(Refusal.ALREADY_DECIDED);
        }
        if (item.claim() == null) {
            throw new IllegalTransitionException(Refusal.NOT_CLAIMED_BY_YOU);
        }
        if (!item.claim().by().equals(by)) {
            throw new IllegalTransitionException(Refusal.CLAIMED_BY_ANOTHER);
        }
        ReviewItem.Decision recorded = switch (decision) {
            case ReviewDecision.Approve approve -> new ReviewItem.Decision(by, now, item.draftText(), null, null, null);
            case ReviewDecision.Edit edit ->
                new ReviewItem.Decision(
                        by,
                        now,
                        edit.text(),
                        edit.reason(),
                        EditDiff.lines(item.draftText(), edit.text()),
                        EditDiff.distance(item.draftText(), edit.text()));
            case ReviewDecision.Reject reject -> new ReviewItem.Decision(by, now, null, reject.reason(), null, null);
        };
        return with(item, decision.outcome(), null, recorded);
    }

    private static ReviewItem with(
            ReviewItem item,
            ReviewStatus status,
            ReviewItem.@org.jspecify.annotations.Nullable Claim claim,
            ReviewItem.@org.jspecify.annotations.Nullable Decision decision) {
        return new ReviewItem(
                item.id(),
                item.summaryId(),
                item.clientId(),
                status,
                item.reason(),
                item.releasePolicyVersion(),
                item.priority(),
                item.confidence(),
                item.model(),
                item.redactionPolicyVersion(),
                item.draftText(),
                item.redactedSource(),
                item.createdAt(),
                claim,
                decision,
                item.version() + 1);
    }
}
