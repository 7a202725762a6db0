package org.attest.audit;

/**
 * What an audit event records. Stored by name: never rename a constant, add new ones.
 *
 * <p>A prediction is recorded once, by the event of its release decision: {@link #PREDICTION_RELEASED} or
 * {@link #PREDICTION_QUEUED_FOR_REVIEW} carry the prediction made (input HMAC, redacted output, confidence, model
 * version) together with the decision and the rule that fired, so that every response has exactly one row.
 */
public enum AuditEventType {
    /** A prediction passed every release rule and was returned to the caller. */
    PREDICTION_RELEASED,
    /** A prediction was held for a clinician; the rule that fired is in the event. */
    PREDICTION_QUEUED_FOR_REVIEW,
    /** A clinician claimed a held prediction; {@code subjectId} is the summary's id, as in its prediction event. */
    REVIEW_CLAIMED,
    /** A clinician released a held prediction unchanged; {@code subjectId} is the summary's id. */
    REVIEW_APPROVED,
    /** A clinician released an edited text; {@code subjectId} is the summary's id. */
    REVIEW_EDITED,
    /** A clinician refused a held prediction; {@code subjectId} is the summary's id. */
    REVIEW_REJECTED,
    /**
     * A clinician's claim lapsed undecided and the item went back to PENDING; the actor is the service,
     * {@code subjectId} the summary's id, {@code rule} the rules that held it.
     */
    REVIEW_CLAIM_LAPSED,
    /**
     * An operator moved a model alias to a version; {@code subjectId} is the alias, {@code model} the new target (with
     * its artifact and card hashes), {@code decision} {@code alias -> name:version}, {@code rule} the previous target.
     */
    MODEL_PROMOTED,
    /** An operator moved a model alias back to its previous target; fields as in {@link #MODEL_PROMOTED}. */
    MODEL_ROLLED_BACK,
    /** An operator override of the release rules was in force at startup. */
    RELEASE_POLICY_OVERRIDDEN,
    /** Audit events or a report left the service; {@code subjectId} is the query, {@code decision} the format. */
    AUDIT_EXPORTED,
    /** Someone walked the chain; {@code decision} is INTACT or BROKEN, {@code rule} the reason. */
    CHAIN_VERIFIED,
    /** A token without the required scope was refused on an audit endpoint; {@code subjectId} is the request. */
    ACCESS_DENIED,
    /** A compliance officer asked whether a text was processed; {@code input} is that text's fingerprint. */
    AUDIT_LOOKED_UP,
    /** A monthly partition past its retention was dropped; {@code subjectId} names it, {@code rule} its rows. */
    AUDIT_PURGED
}
