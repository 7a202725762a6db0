package org.attest.audit;

import java.util.List;

/**
 * The append-only, hash-chained audit trail.
 *
 * <p>{@link #append} joins the caller's transaction (it refuses to run without one): the event commits or
 * rolls back with the decision it records. Appends are serialized so that the chain stays linear.
 */
public interface AuditTrail {

    /** Appends one event in the caller's transaction and returns it as stored. */
    AuditRecord append(AuditEvent event);

    /** Walks the whole chain and reports the first broken link, if any. */
    ChainVerification verify();

    /** The records of one request, in sequence order. */
    List<AuditRecord> findByRequestId(String requestId);
}
