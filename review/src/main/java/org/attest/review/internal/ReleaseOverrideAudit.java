package org.attest.review.internal;

import java.util.List;
import java.util.UUID;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Says so, in the log and in the audit trail, when an operator runs the service with the release rules overridden.
 * If the event cannot be appended the listener throws, and the application stops rather than run unaudited.
 */
@Component
class ReleaseOverrideAudit {

    static final String CLIENT_ID = "attest";

    private static final Logger log = LoggerFactory.getLogger(ReleaseOverrideAudit.class);

    private final ReleaseProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    ReleaseOverrideAudit(ReleaseProperties properties, AuditTrail audit, PlatformTransactionManager transactions) {
        this.properties = properties;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void auditOverrides() {
        List<String> overrides = properties.overrides();
        if (overrides.isEmpty()) {
            return;
        }
        String description = String.join(",", overrides);
        log.warn("Release policy overridden: {} (policy version {})", description, properties.policyVersion());
        AuditEvent event = AuditEvent.builder(
                        AuditEventType.RELEASE_POLICY_OVERRIDDEN,
                        Actor.SYSTEM,
                        CLIENT_ID,
                        UUID.randomUUID().toString())
                .subject(properties.policyVersion())
                .decision(description, null)
                .build();
        transaction.executeWithoutResult(status -> audit.append(event));
    }
}
