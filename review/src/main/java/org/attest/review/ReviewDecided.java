package org.attest.review;

import java.time.Instant;
import java.util.UUID;
import org.attest.audit.Actor;
import org.jspecify.annotations.Nullable;

/**
 * A clinician decided a held prediction. Published synchronously inside the transaction that records the decision,
 * so that a listener's writes (the summary's outcome, a callback to deliver) commit or roll back with it.
 *
 * @param itemId the review item
 * @param summaryId the held summary
 * @param clientId the client whose summary it is
 * @param outcome APPROVED, EDITED or REJECTED
 * @param finalText the text to release; null when rejected
 * @param decidedBy the clinician
 * @param decidedAt when
 */
public record ReviewDecided(
        UUID itemId,
        UUID summaryId,
        String clientId,
        ReviewStatus outcome,
        @Nullable String finalText,
        Actor decidedBy,
        Instant decidedAt) {}
