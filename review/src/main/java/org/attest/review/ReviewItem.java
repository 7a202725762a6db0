package org.attest.review;

import java.time.Instant;
import java.util.UUID;
import org.attest.audit.Actor;
import org.attest.audit.ModelRef;
import org.jspecify.annotations.Nullable;

/**
 * A held prediction waiting for, or decided by, a clinician.
 *
 * @param id the item's id
 * @param summaryId the held summary
 * @param clientId the client whose summary it is
 * @param status where it is in its lifecycle (a lapsed claim reads as PENDING)
 * @param reason the rule(s) that held it, comma-separated
 * @param releasePolicyVersion the release policy that held it
 * @param priority higher is reviewed first
 * @param confidence the model's confidence
 * @param model the model version that produced it
 * @param redactionPolicyVersion the redaction policy applied to its input
 * @param draftText the model output after output redaction
 * @param redactedSource the input after redaction
 * @param createdAt when it was queued
 * @param claim the live claim, when CLAIMED
 * @param decision the decision, when decided
 * @param version optimistic-locking version, incremented by every transition
 */
public record ReviewItem(
        UUID id,
        UUID summaryId,
        String clientId,
        ReviewStatus status,
        String reason,
        String releasePolicyVersion,
        int priority,
        double confidence,
        ModelRef model,
        String redactionPolicyVersion,
        String draftText,
        String redactedSource,
        Instant createdAt,
        @Nullable Claim claim,
        @Nullable Decision decision,
        long version) {

    /** {@code name:version} of the model. */
    public String modelVersion() {
        return model.name() + ":" + model.version();
    }

    /**
     * A clinician's claim on an item.
     *
     * @param by the clinician
     * @param leaseExpiresAt when it lapses and the item reads as PENDING again
     */
    public record Claim(Actor by, Instant leaseExpiresAt) {}

    /**
     * A clinician's decision.
     *
     * @param by the clinician
     * @param at when
     * @param finalText the released text (the draft, or the clinician's), null when rejected
     * @param reason the reason code of an edit or a rejection
     * @param diff the line diff from draft to edited text, for edits
     * @param editDistance characters changed from draft to edited text, for edits
     */
    public record Decision(
            Actor by,
            Instant at,
            @Nullable String finalText,
            @Nullable DecisionReason reason,
            @Nullable String diff,
            @Nullable Integer editDistance) {}
}
