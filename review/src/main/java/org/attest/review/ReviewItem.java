package org.attest.review;

import java.time.Instant;
import java.util.UUID;

/**
 * A held prediction waiting for, or decided by, a clinician.
 *
 * @param id the item's id
 * @param summaryId the held summary
 * @param status where it is in its lifecycle
 * @param reason the rule(s) that held it
 * @param confidence the model's confidence
 * @param modelVersion the {@code name:version} that produced it
 * @param redactionPolicyVersion the redaction policy applied to its input
 * @param createdAt when it was queued
 * @param version optimistic-locking version, incremented by every transition
 */
public record ReviewItem(
        UUID id,
        UUID summaryId,
        ReviewStatus status,
        String reason,
        double confidence,
        String modelVersion,
        String redactionPolicyVersion,
        Instant createdAt,
        long version) {}
