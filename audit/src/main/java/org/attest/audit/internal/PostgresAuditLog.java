package org.attest.audit.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.attest.audit.AuditLog;
import org.attest.audit.AuditPage;
import org.attest.audit.AuditQuery;
import org.attest.audit.AuditRecord;
import org.attest.audit.AuditReport;
import org.attest.audit.InputFingerprint;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads {@code audit_event} for compliance with keyset paging on the sequence, so no page is skipped or repeated. */
class PostgresAuditLog implements AuditLog {

    private static final int EXPORT_PAGE = 1000;

    private final JdbcClient jdbc;

    PostgresAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long headSequence() {
        return ChainWriter.head(jdbc).map(ChainWriter.Head::sequence).orElse(0L);
    }

    @Override
    public AuditPage page(AuditQuery query, long afterSequence, long upToSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        List<AuditRecord> rows = select(query, afterSequence, upToSequence, limit + 1);
        boolean more = rows.size() > limit;
        return new AuditPage(more ? rows.subList(0, limit) : rows, more);
    }

    @Override
    public long export(AuditQuery query, long upToSequence, RecordSink sink) throws IOException {
        long after = 0;
        long count = 0;
        while (true) {
            List<AuditRecord> rows = select(query, after, upToSequence, EXPORT_PAGE);
            for (AuditRecord row : rows) {
                sink.accept(row);
            }
            count += rows.size();
            if (rows.size() < EXPORT_PAGE) {
                return count;
            }
            after = rows.getLast().sequence();
        }
    }

    @Override
    public AuditReport report(Instant from, Instant to) {
        return new AuditReportQueries(jdbc).report(from, to);
    }

    @Override
    public List<AuditRecord> findByInput(Collection<InputFingerprint> fingerprints, int limit) {
        if (fingerprints.isEmpty()) {
            return List.of();
        }
        List<String> hmacs =
                fingerprints.stream().map(InputFingerprint::hmac).distinct().toList();
        return jdbc
                .sql("SELECT " + AuditRows.COLUMNS
                        + " FROM audit_event WHERE input_hmac IN (:hmacs) AND event_type IN"
                        + " ('PREDICTION_RELEASED', 'PREDICTION_QUEUED_FOR_REVIEW') ORDER BY seq LIMIT :limit")
                .param("hmacs", hmacs)
                .param("limit", limit)
                .query(AuditRows::map)
                .list()
                .stream()
                // an HMAC counts only under the key that made it
                .filter(row -> fingerprints.contains(row.event().input()))
                .toList();
    }

    private List<AuditRecord> select(AuditQuery query, long afterSequence, long upToSequence, int limit) {
        AuditQuerySql where = AuditQuerySql.of(query)
                .and("seq > :afterSeq", "afterSeq", afterSequence)
                .and("seq <= :upToSeq", "upToSeq", upToSequence);
        return jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE " + where.where()
                        + " ORDER BY seq LIMIT :limit")
                .params(where.parameters())
                .param("limit", limit)
                .query(AuditRows::map)
                .list();
    }
}
