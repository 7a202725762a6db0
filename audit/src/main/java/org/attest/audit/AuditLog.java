package org.attest.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Reads the audit trail for compliance: filtered pages, streamed exports, reports, input lookups. */
public interface AuditLog {

    /** The sequence of the chain's last record, 0 while it is empty. */
    long headSequence();

    /**
     * Matching events with {@code afterSequence < seq <= upToSequence}, in sequence order.
     *
     * @param limit page size, at least 1
     */
    AuditPage page(AuditQuery query, long afterSequence, long upToSequence, int limit);

    /**
     * Hands every matching event with {@code seq <= upToSequence} to {@code sink} in sequence order, reading a page
     * at a time, and returns how many there were.
     */
    long export(AuditQuery query, long upToSequence, RecordSink sink) throws IOException;

    /** Counts, rates and distributions of the events in {@code [from, to)}. */
    AuditReport report(Instant from, Instant to);

    /**
     * The prediction events (released or queued) whose input fingerprint is one of {@code fingerprints}, oldest
     * first, at most {@code limit}: whether, when and how a text was processed.
     */
    List<AuditRecord> findByInput(Collection<InputFingerprint> fingerprints, int limit);

    /** Receives exported records. */
    @FunctionalInterface
    interface RecordSink {
        void accept(AuditRecord record) throws IOException;
    }
}
