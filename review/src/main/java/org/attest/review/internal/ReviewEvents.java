package org.attest.review.internal;

import java.util.Objects;
import java.util.UUID;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.review.ReviewItem;
import org.attest.review.Reviewer;

/**
 * The audit events of review transitions. Each is bound to the original prediction: its summary as subject, its
 * model version with artifact and card hash, its redaction policy, and the rule(s) that held it.
 */
final class ReviewEvents {

    private ReviewEvents() {}

    static AuditEvent claimed(ReviewItem item, Reviewer reviewer) {
        return bound(AuditEventType.REVIEW_CLAIMED, item, reviewer)
                .decision(item.status().name(), item.reason())
                .build();
    }

    /** The service returned a lapsed claim to the queue. */
    static AuditEvent lapsed(ReviewItem item) {
        Reviewer service = new Reviewer(
                Actor.SYSTEM, ReleaseOverrideAudit.CLIENT_ID, UUID.randomUUID().toString());
        return bound(AuditEventType.REVIEW_CLAIM_LAPSED, item, service)
                .decision(item.status().name(), item.reason())
                .build();
    }

    static AuditEvent decided(ReviewItem item, Reviewer reviewer) {
        ReviewItem.Decision decision = Objects.requireNonNull(item.decision());
        AuditEventType type = switch (item.status()) {
            case APPROVED -> AuditEventType.REVIEW_APPROVED;
            case EDITED -> AuditEventType.REVIEW_EDITED;
            case REJECTED -> AuditEventType.REVIEW_REJECTED;
            default -> throw new IllegalStateException("not a decision: " + item.status());
        };
        String rule = decision.reason() == null ? item.reason() : item.reason() + ";reason=" + decision.reason();
        return bound(type, item, reviewer)
                .output(decision.finalText())
                .decision(item.status().name(), rule)
                .build();
    }

    private static AuditEvent.Builder bound(AuditEventType type, ReviewItem item, Reviewer reviewer) {
        return AuditEvent.builder(type, reviewer.actor(), reviewer.clientId(), reviewer.requestId())
                .subject(item.summaryId().toString())
                .confidence(item.confidence())
                .model(item.model())
                .redactionPolicy(item.redactionPolicyVersion());
    }
}
