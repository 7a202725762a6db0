package org.attest.api.summaries;

import java.time.Instant;
import java.util.UUID;
import org.attest.audit.Actor;
import org.jspecify.annotations.Nullable;

/**
 * A stored summary.
 *
 * @param id random id, the consumer's handle
 * @param clientId the OAuth2 client that asked; only it may read the summary
 * @param actor issuer and subject of the token that asked
 * @param requestId the request that created it
 * @param status released, pending review, or rejected
 * @param text the released text, or null while it is not released
 * @param draftText the model's output after output redaction
 * @param redactedInput the input after redaction (what the model and the reviewer saw)
 * @param confidence the model's confidence in [0,1]
 * @param model the model version that produced it
 * @param degraded true when a degraded fallback produced it
 * @param redactionPolicyVersion the redaction policy applied
 * @param releasePolicyVersion the release policy that decided
 * @param reviewReason the rule(s) that held it for review, or null
 * @param createdAt when it was stored
 */
record Summary(
        UUID id,
        String clientId,
        Actor actor,
        String requestId,
        SummaryStatus status,
        @Nullable String text,
        String draftText,
        String redactedInput,
        double confidence,
        ModelOfRecord model,
        boolean degraded,
        String redactionPolicyVersion,
        String releasePolicyVersion,
        @Nullable String reviewReason,
        Instant createdAt) {

    /**
     * The model version a summary is bound to, as stored.
     *
     * @param name model name
     * @param version version within the name
     * @param artifactSha256 hex SHA-256 of the artifact that ran
     */
    record ModelOfRecord(String name, String version, String artifactSha256) {

        String id() {
            return name + ":" + version;
        }
    }
}
