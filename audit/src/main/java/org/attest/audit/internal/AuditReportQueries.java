package org.attest.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditReport;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The report's aggregates, each one query over the time range (partition pruning keeps them to its months). */
final class AuditReportQueries {

    static final int CONFIDENCE_BINS = 10;

    private static final String IN_RANGE = "event_time >= :from AND event_time < :to";
    private static final String PREDICTIONS = "event_type IN ('PREDICTION_RELEASED', 'PREDICTION_QUEUED_FOR_REVIEW')";
    private static final String REVIEW_DECISIONS =
            "event_type IN ('REVIEW_APPROVED', 'REVIEW_EDITED', 'REVIEW_REJECTED')";

    private final JdbcClient jdbc;

    AuditReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AuditReport report(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        Map<String, Object> range = Map.of(
                "from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                "to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        Map<AuditEventType, Long> byType = byType(range);
        return new AuditReport(
                from, to, byType, byDecision(range), byModelVersion(range), review(range, byType), histogram(range));
    }

    private Map<AuditEventType, Long> byType(Map<String, Object> range) {
        Map<AuditEventType, Long> counts = new EnumMap<>(AuditEventType.class);
        jdbc.sql("SELECT event_type, count(*) AS n FROM audit_event WHERE " + IN_RANGE + " GROUP BY event_type")
                .params(range)
                .query((rs, row) -> Map.entry(rs.getString("event_type"), rs.getLong("n")))
                .list()
                .forEach(entry -> known(entry.getKey()).ifPresent(type -> counts.put(type, entry.getValue())));
        return counts;
    }

    private Map<String, Long> byDecision(Map<String, Object> range) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT coalesce(decision, '') AS decision, count(*) AS n FROM audit_event WHERE " + IN_RANGE + " AND "
                        + PREDICTIONS + " GROUP BY 1 ORDER BY 1")
                .params(range)
                .query((rs, row) -> Map.entry(rs.getString("decision"), rs.getLong("n")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    private List<AuditReport.ModelVersionCount> byModelVersion(Map<String, Object> range) {
        return jdbc.sql("""
                        SELECT model_name, model_version,
                               count(*) FILTER (WHERE event_type = 'PREDICTION_RELEASED') AS released,
                               count(*) FILTER (WHERE event_type = 'PREDICTION_QUEUED_FOR_REVIEW') AS queued
                        FROM audit_event
                        WHERE %s AND %s AND model_name IS NOT NULL
                        GROUP BY model_name, model_version
                        ORDER BY model_name, model_version
                        """.formatted(IN_RANGE, PREDICTIONS))
                .params(range)
                .query((rs, row) -> new AuditReport.ModelVersionCount(
                        rs.getString("model_name"),
                        rs.getString("model_version"),
                        rs.getLong("released"),
                        rs.getLong("queued")))
                .list();
    }

    /** Time to review: from the prediction's PREDICTION_QUEUED_FOR_REVIEW event to the decision on its subject. */
    private AuditReport.ReviewOutcomes review(Map<String, Object> range, Map<AuditEventType, Long> byType) {
        long approved = byType.getOrDefault(AuditEventType.REVIEW_APPROVED, 0L);
        long edited = byType.getOrDefault(AuditEventType.REVIEW_EDITED, 0L);
        long rejected = byType.getOrDefault(AuditEventType.REVIEW_REJECTED, 0L);
        long decided = approved + edited + rejected;
        List<Double> median = jdbc.sql("""
                        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.event_time - q.event_time))
                        FROM audit_event d
                        JOIN audit_event q ON q.subject_id = d.subject_id AND q.event_type = 'PREDICTION_QUEUED_FOR_REVIEW'
                        WHERE d.%s AND d.%s
                        """.formatted(IN_RANGE.replace(" AND ", " AND d."), REVIEW_DECISIONS))
                .params(range)
                .query((rs, row) -> {
                    double seconds = rs.getDouble(1);
                    return rs.wasNull() ? null : seconds;
                })
                .list();
        return new AuditReport.ReviewOutcomes(
                approved,
                edited,
                rejected,
                decided == 0 ? null : (edited + rejected) / (double) decided,
                median.isEmpty() ? null : median.getFirst());
    }

    private List<Long> histogram(Map<String, Object> range) {
        List<Long> bins = new ArrayList<>(Collections.nCopies(CONFIDENCE_BINS, 0L));
        jdbc.sql("SELECT least(width_bucket(confidence, 0, 1, :bins), :bins) AS bin, count(*) AS n FROM audit_event"
                        + " WHERE " + IN_RANGE + " AND " + PREDICTIONS + " AND confidence IS NOT NULL GROUP BY 1")
                .params(range)
                .param("bins", CONFIDENCE_BINS)
                .query((rs, row) -> Map.entry(rs.getInt("bin"), rs.getLong("n")))
                .list()
                .forEach(entry -> bins.set(entry.getKey() - 1, entry.getValue()));
        return bins;
    }

    private static Optional<AuditEventType> known(String name) {
        try {
            return Optional.of(AuditEventType.valueOf(name));
        } catch (IllegalArgumentException e) {
            // a type only an edit could have written: the verifier reports it, the report leaves it out
            return Optional.empty();
        }
    }
}
