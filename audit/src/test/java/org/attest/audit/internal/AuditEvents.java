package org.attest.audit.internal;

import java.util.UUID;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.InputFingerprint;
import org.attest.audit.ModelRef;

/** Events as the summarize use case writes them, with no PHI. */
final class AuditEvents {

    static final Actor CONSUMER = new Actor("http://localhost:8080", "demo-consumer");
    static final ModelRef MODEL = new ModelRef("clinical-summarizer-extractive", "1", "ab".repeat(32), "cd".repeat(32));

    /** A version whose encoder a remote KServe v2 server runs, as its model version 3. */
    static final ModelRef REMOTE_MODEL =
            new ModelRef("clinical-summarizer-remote", "1", "ab".repeat(32), "cd".repeat(32), "3");

    private AuditEvents() {}

    static AuditEvent released(String output, double confidence) {
        return released(UUID.randomUUID().toString(), output, confidence);
    }

    static AuditEvent released(String requestId, String output, double confidence) {
        return released(requestId, output, confidence, MODEL);
    }

    static AuditEvent released(String requestId, String output, double confidence, ModelRef model) {
        return AuditEvent.builder(AuditEventType.PREDICTION_RELEASED, CONSUMER, "demo-consumer", requestId)
                .subject(UUID.randomUUID().toString())
                .input(new InputFingerprint("k1", "0f".repeat(32)))
                .output(output)
                .confidence(confidence)
                .model(model)
                .redactionPolicy("redaction-policy/1")
                .decision("RELEASED", null)
                .build();
    }

    static AuditEvent minimal(String requestId) {
        return AuditEvent.builder(AuditEventType.RELEASE_POLICY_OVERRIDDEN, Actor.SYSTEM, "attest", requestId)
                .build();
    }
}
