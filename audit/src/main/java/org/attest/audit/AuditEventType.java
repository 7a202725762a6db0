package org.attest.audit;

/** What an audit event records. Stored by name: never rename a constant, add new ones. */
public enum AuditEventType {
    /** A prediction passed every release rule and was returned to the caller. */
    PREDICTION_RELEASED,
    /** A prediction was held for a clinician; the rule that fired is in the event. */
    PREDICTION_QUEUED_FOR_REVIEW,
    REVIEW_CLAIMED,
    REVIEW_APPROVED,
    REVIEW_EDITED,
    REVIEW_REJECTED,
    MODEL_PROMOTED,
    MODEL_ROLLED_BACK,
    /** An operator override of the release rules was in force at startup. */
    RELEASE_POLICY_OVERRIDDEN,
    AUDIT_EXPORTED,
    CHAIN_VERIFIED,
    ACCESS_DENIED
}
