package org.attest.api.audit;

import java.time.Instant;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.attest.audit.InputFingerprint;
import org.attest.audit.ModelRef;
import org.jspecify.annotations.Nullable;

/**
 * One audit row as the compliance API shows it: every stored column, so that a reader can recompute its hash (the
 * canonical form is in audit/README.md).
 *
 * @param sequence position in the chain
 * @param time when it was appended (UTC)
 * @param type what happened
 * @param actorIssuer token issuer of who caused it
 * @param actorSubject token subject of who caused it
 * @param clientId OAuth2 client
 * @param requestId HTTP request id
 * @param subjectId the object it concerns
 * @param inputHmac keyed fingerprint of the input
 * @param inputHmacKeyId the key that made it
 * @param output the redacted output
 * @param confidence the model's confidence
 * @param modelName model name
 * @param modelVersion model version
 * @param modelSha256 artifact hash
 * @param modelCardHash model card hash
 * @param modelServedVersion the version a remote model server says produced the prediction (KServe v2
 *     {@code model_version}); null for a model run in the service, and in rows written before it was recorded
 * @param redactionPolicyVersion redaction policy
 * @param decision decision recorded
 * @param rule rule(s) that fired
 * @param prevHash the previous row's hash
 * @param hash this row's hash
 */
record AuditEventView(
        long sequence,
        Instant time,
        String type,
        String actorIssuer,
        String actorSubject,
        String clientId,
        String requestId,
        @Nullable String subjectId,
        @Nullable String inputHmac,
        @Nullable String inputHmacKeyId,
        @Nullable String output,
        @Nullable Double confidence,
        @Nullable String modelName,
        @Nullable String modelVersion,
        @Nullable String modelSha256,
        @Nullable String modelCardHash,
        @Nullable String modelServedVersion,
        @Nullable String redactionPolicyVersion,
        @Nullable String decision,
        @Nullable String rule,
        String prevHash,
        String hash) {

    static AuditEventView of(AuditRecord record) {
        AuditEvent event = record.event();
        InputFingerprint input = event.input();
        ModelRef model = event.model();
        return new AuditEventView(
                record.sequence(),
                record.time(),
                event.type().name(),
                event.actor().issuer(),
                event.actor().subject(),
                event.clientId(),
                event.requestId(),
                event.subjectId(),
                input == null ? null : input.hmac(),
                input == null ? null : input.keyId(),
                event.output(),
                event.confidence(),
                model == null ? null : model.name(),
                model == null ? null : model.version(),
                model == null ? null : model.artifactSha256(),
                model == null ? null : model.cardHash(),
                model == null ? null : model.servedVersion(),
                event.redactionPolicyVersion(),
                event.decision(),
                event.rule(),
                record.prevHash(),
                record.hash());
    }
}
