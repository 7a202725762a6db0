package org.attest.api.reviews;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.attest.audit.Actor;
import org.attest.review.ReviewItem;
import org.jspecify.annotations.Nullable;

/**
 * A review item as a clinician sees it: the redacted source beside the draft, the confidence and the rule(s) that
 * held it — never the raw input (which is not stored), never another clinician's identity.
 *
 * @param id the item
 * @param summaryId the held summary
 * @param status PENDING, CLAIMED, APPROVED, EDITED or REJECTED
 * @param rulesFired the release rules that held it
 * @param releasePolicyVersion the release policy that held it
 * @param priority higher first
 * @param confidence the model's confidence
 * @param modelVersion {@code name:version}
 * @param modelCardHash SHA-256 of the model card, when known
 * @param redactionPolicyVersion the redaction policy applied
 * @param redactedSource the input after redaction
 * @param draft the model output after redaction
 * @param createdAt when it was queued
 * @param claimedByYou whether the caller holds the live claim
 * @param leaseExpiresAt when the live claim lapses, or null
 * @param decision the decision, once decided
 * @param version increments with every transition
 */
record ReviewView(
        UUID id,
        UUID summaryId,
        String status,
        List<String> rulesFired,
        String releasePolicyVersion,
        int priority,
        double confidence,
        String modelVersion,
        @Nullable String modelCardHash,
        String redactionPolicyVersion,
        String redactedSource,
        String draft,
        Instant createdAt,
        boolean claimedByYou,
        @Nullable Instant leaseExpiresAt,
        @Nullable DecisionView decision,
        long version) {

    static ReviewView of(ReviewItem item, Actor caller) {
        ReviewItem.Claim claim = item.claim();
        ReviewItem.Decision decision = item.decision();
        return new ReviewView(
                item.id(),
                item.summaryId(),
                item.status().name(),
                item.reason().isEmpty()
                        ? List.of()
                        : Arrays.asList(item.reason().split(",")),
                item.releasePolicyVersion(),
                item.priority(),
                item.confidence(),
                item.modelVersion(),
                item.model().cardHash(),
                item.redactionPolicyVersion(),
                item.redactedSource(),
                item.draftText(),
                item.createdAt(),
                claim != null && claim.by().equals(caller),
                claim == null ? null : claim.leaseExpiresAt(),
                decision == null ? null : DecisionView.of(decision, caller),
                item.version());
    }

    /**
     * A decision.
     *
     * @param decidedByYou whether the caller decided it
     * @param decidedAt when
     * @param finalText the released text, null when rejected
     * @param reason reason code of an edit or rejection
     * @param diff line diff of an edit
     * @param editDistance characters changed by an edit
     */
    record DecisionView(
            boolean decidedByYou,
            Instant decidedAt,
            @Nullable String finalText,
            @Nullable String reason,
            @Nullable String diff,
            @Nullable Integer editDistance) {

        static DecisionView of(ReviewItem.Decision decision, Actor caller) {
            return new DecisionView(
                    decision.by().equals(caller),
                    decision.at(),
                    decision.finalText(),
                    decision.reason() == null ? null : decision.reason().name(),
                    decision.diff(),
                    decision.editDistance());
        }
    }
}
