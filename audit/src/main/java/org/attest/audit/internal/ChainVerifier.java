package org.attest.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.attest.audit.AuditRecord;
import org.attest.audit.ChainVerification;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks {@code audit_event} in sequence order, a page at a time, and checks every link: the sequence continues
 * without a gap from 1, {@code prev_hash} is the previous row's {@code hash}, and {@code hash} recomputes from the
 * row's {@linkplain CanonicalEncoding canonical encoding}.
 *
 * <p>This finds edited, deleted and reordered rows up to the current head. It cannot find rows deleted from the
 * end, nor a head rewritten wholesale: the shortened chain is still a valid chain. Only a commitment to the head
 * held outside the database (the signed checkpoints of a later issue) can show that.
 */
final class ChainVerifier {

    static final String ROW_DELETED = "sequence gap (row deleted)";
    static final String NOT_LINKED = "prev_hash does not link (rows reordered or replaced)";
    static final String ROW_EDITED = "hash mismatch (row edited)";
    static final String ROW_UNREADABLE = "row cannot be read back (row edited)";

    private static final int PAGE_SIZE = 1000;

    private final JdbcClient jdbc;

    ChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ChainVerification verify() {
        long checked = 0;
        long previousSequence = 0;
        String previousHash = CanonicalEncoding.GENESIS;
        while (true) {
            List<Row> page = page(previousSequence);
            for (Row row : page) {
                String broken = brokenLink(row, previousSequence, previousHash);
                if (broken != null) {
                    long at = broken.equals(ROW_DELETED) ? previousSequence + 1 : row.sequence();
                    return new ChainVerification(checked, at, broken);
                }
                checked++;
                previousSequence = row.sequence();
                previousHash = Objects.requireNonNull(row.record()).hash();
            }
            if (page.size() < PAGE_SIZE) {
                return new ChainVerification(checked, null, null);
            }
        }
    }

    /** Why {@code row} does not follow the row at {@code previousSequence}, or null when it does. */
    private static @Nullable String brokenLink(Row row, long previousSequence, String previousHash) {
        if (row.sequence() != previousSequence + 1) {
            return ROW_DELETED;
        }
        AuditRecord record = row.record();
        if (record == null) {
            return ROW_UNREADABLE;
        }
        if (!record.prevHash().equals(previousHash)) {
            return NOT_LINKED;
        }
        if (!CanonicalEncoding.hash(record.prevHash(), CanonicalEncoding.encode(record))
                .equals(record.hash())) {
            return ROW_EDITED;
        }
        return null;
    }

    private List<Row> page(long afterSequence) {
        return jdbc.sql("SELECT " + AuditRows.COLUMNS
                        + " FROM audit_event WHERE seq > :after ORDER BY seq LIMIT :limit")
                .param("after", afterSequence)
                .param("limit", PAGE_SIZE)
                .query(ChainVerifier::row)
                .list();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        long sequence = rs.getLong("seq");
        try {
            return new Row(sequence, AuditRows.map(rs, rowNum));
        } catch (IllegalArgumentException e) {
            // a value no append writes (an unknown event type, a blank actor): reported, not thrown
            return new Row(sequence, null);
        }
    }

    /** A row's position, and its record unless the row holds values no append writes. */
    private record Row(long sequence, @Nullable AuditRecord record) {}
}
