package org.attest.audit;

/**
 * A decision's own writes and the event that records them, committed together by {@link AuditTrail#commit}.
 *
 * <p>The trail calls {@link #write()} on one of its committer threads inside the transaction it opened for a
 * group of such writes, so Spring's JDBC support ({@code JdbcClient}, {@code JdbcTemplate}) joins that transaction.
 * The call must be repeatable: when another write of the same group fails, the group is rolled back and the
 * remaining writes run again in a new transaction.
 */
@FunctionalInterface
public interface AuditedWrite {

    /** Writes the decision's rows in the current transaction and returns the event that records them. */
    AuditEvent write();
}
