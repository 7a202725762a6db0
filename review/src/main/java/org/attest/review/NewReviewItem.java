package org.attest.review;

import org.attest.audit.ModelRef;

/**
 * A prediction to put in front of a clinician.
 *
 * @param summaryId the held summary
 * @param clientId the client whose summary it is
 * @param rulesFired what the release policy decided: the rule(s) that held it and the policy version
 * @param confidence the model's confidence
 * @param model the model version that produced it (artifact hash, card hash when known, and the remote server's
 *     version when a remote server ran it): every decision's audit event is bound to it
 * @param redactionPolicyVersion the redaction policy applied to its input
 * @param draftText the model's output after output redaction
 * @param redactedSource the input after redaction (never the raw input)
 */
public record NewReviewItem(
        java.util.UUID summaryId,
        String clientId,
        ReleaseDecision rulesFired,
        double confidence,
        ModelRef model,
        String redactionPolicyVersion,
        String draftText,
        String redactedSource) {

    /** {@code name:version} of the model. */
    public String modelVersion() {
        return model.name() + ":" + model.version();
    }
}
