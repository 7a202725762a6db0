package org.attest.audit;

import java.time.Duration;
import java.util.List;

/**
 * The append-only, hash-chained audit trail.
 *
 * <p>Two ways in, both on the same linear chain:
 *
 * <ul>
 *   <li>{@link #commit} hands a decision's writes and its event to the group committer, which commits the writes of
 *       many callers and their events in one short transaction and answers each caller only after that commit — the
 *       way the hot path (a summarize request) records what it releases;
 *   <li>{@link #append} appends one event inside the caller's own transaction; it holds the chain's lock until that
 *       transaction ends, so call it as the transaction's last statement.
 * </ul>
 */
public interface AuditTrail {

    /** Appends one event in the caller's transaction (it refuses to run without one) and returns it as stored. */
    AuditRecord append(AuditEvent event);

    /**
     * Commits {@code write} and the event it returns in one transaction, grouped with other callers' writes, and
     * returns the event as stored. Call it outside any transaction.
     *
     * @param within the most the caller waits for the commit; the trail drops a write that has not started by then
     * @throws AuditUnavailableException when the commit failed, or did not finish in time (the write's rows and its
     *     event then exist either both or neither; neither, unless the database acknowledged a commit after the
     *     bound)
     */
    AuditRecord commit(AuditedWrite write, Duration within);

    /** {@link #commit Commits} an event that records nothing else (an export, a verification, a refusal). */
    default AuditRecord record(AuditEvent event, Duration within) {
        return commit(() -> event, within);
    }

    /** Walks the whole chain, checks every signed checkpoint, and reports the first broken sequence, if any. */
    ChainVerification verify();

    /** The records of one request, in sequence order. */
    List<AuditRecord> findByRequestId(String requestId);
}
