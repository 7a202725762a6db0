package org.attest.api.redaction;

import org.attest.redaction.DetectionStatus;
import org.attest.redaction.Redactor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health of PHI detection: UP with the NER model, DEGRADED (still ready: redaction works on its regular expressions
 * alone, and every policy version says {@code +regex-only}) without it.
 */
@Component("redactionHealthIndicator")
class RedactionHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED");

    private final Redactor redactor;

    RedactionHealth(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public Health health() {
        DetectionStatus status = redactor.status();
        Health.Builder health = status.nerActive() ? Health.up() : Health.status(DEGRADED);
        health.withDetail("policyVersion", status.policyVersion()).withDetail("ner", status.nerActive());
        if (status.nerModel() != null) {
            health.withDetail("nerModel", status.nerModel());
        }
        if (status.reason() != null) {
            health.withDetail("reason", status.reason());
        }
        return health.build();
    }
}
