package org.attest.review;

import java.util.UUID;

/**
 * A prediction to put in front of a clinician.
 *
 * @param summaryId the held summary
 * @param reason the rule(s) that held it, comma-separated
 * @param confidence the model's confidence
 * @param modelVersion the {@code name:version} that produced it
 * @param redactionPolicyVersion the redaction policy applied to its input
 */
public record NewReviewItem(
        UUID summaryId, String reason, double confidence, String modelVersion, String redactionPolicyVersion) {}
