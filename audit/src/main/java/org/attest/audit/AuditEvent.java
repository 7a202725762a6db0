package org.attest.audit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened, as the caller describes it; the trail adds sequence, time and hashes.
 *
 * @param type what happened
 * @param actor who caused it
 * @param clientId the OAuth2 client it came through
 * @param requestId the HTTP request's id, to reconcile responses with rows
 * @param subjectId the id of the object it concerns (summary, review item, model), or null
 * @param input keyed fingerprint of the raw input, or null
 * @param output the redacted output, or null
 * @param confidence the model's confidence, or null
 * @param model the model version the event is bound to, or null
 * @param redactionPolicyVersion the redaction policy in force, or null
 * @param decision the decision recorded (e.g. {@code RELEASED}, {@code PENDING_REVIEW}), or null
 * @param rule the rule(s) that fired, comma-separated, or null
 */
public record AuditEvent(
        AuditEventType type,
        Actor actor,
        String clientId,
        String requestId,
        @Nullable String subjectId,
        @Nullable InputFingerprint input,
        @Nullable String output,
        @Nullable Double confidence,
        @Nullable ModelRef model,
        @Nullable String redactionPolicyVersion,
        @Nullable String decision,
        @Nullable String rule) {

    public static Builder builder(AuditEventType type, Actor actor, String clientId, String requestId) {
        return new Builder(type, actor, clientId, requestId);
    }

    /** Fills the optional parts of an event by name. */
    public static final class Builder {
        private final AuditEventType type;
        private final Actor actor;
        private final String clientId;
        private final String requestId;
        private @Nullable String subjectId;
        private @Nullable InputFingerprint input;
        private @Nullable String output;
        private @Nullable Double confidence;
        private @Nullable ModelRef model;
        private @Nullable String redactionPolicyVersion;
        private @Nullable String decision;
        private @Nullable String rule;

        private Builder(AuditEventType type, Actor actor, String clientId, String requestId) {
            this.type = Objects.requireNonNull(type);
            this.actor = Objects.requireNonNull(actor);
            this.clientId = Objects.requireNonNull(clientId);
            this.requestId = Objects.requireNonNull(requestId);
        }

        public Builder subject(String subjectId) {
            this.subjectId = subjectId;
            return this;
        }

        public Builder input(InputFingerprint input) {
            this.input = input;
            return this;
        }

        public Builder output(@Nullable String output) {
            this.output = output;
            return this;
        }

        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        public Builder model(ModelRef model) {
            this.model = model;
            return this;
        }

        public Builder redactionPolicy(String version) {
            this.redactionPolicyVersion = version;
            return this;
        }

        public Builder decision(String decision, @Nullable String rule) {
            this.decision = decision;
            this.rule = rule;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(
                    type,
                    actor,
                    clientId,
                    requestId,
                    subjectId,
                    input,
                    output,
                    confidence,
                    model,
                    redactionPolicyVersion,
                    decision,
                    rule);
        }
    }
}
