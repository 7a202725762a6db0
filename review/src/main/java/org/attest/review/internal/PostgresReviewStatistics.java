package org.attest.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.attest.review.ReviewStatistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Review statistics computed in PostgreSQL from {@code review_item}. */
@Component
class PostgresReviewStatistics implements ReviewStatistics {

    private static final String DECIDED = "status IN ('APPROVED', 'EDITED', 'REJECTED')";
    private static final String EDITED = "status = 'EDITED'";

    private static final String BY_MODEL = """
                        SELECT model_version,
                            count(*) FILTER (WHERE NOT %1$s) AS open,
                            count(*) FILTER (WHERE %1$s) AS decided,
                            count(*) FILTER (WHERE status = 'APPROVED') AS approved,
                            count(*) FILTER (WHERE %2$s) AS edited,
                            count(*) FILTER (WHERE status = 'REJECTED') AS rejected,
                            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - created_at))
                                FILTER (WHERE %1$s) AS median_seconds,
                            percentile_cont(0.5) WITHIN GROUP (ORDER BY edit_distance) FILTER (WHERE %2$s) AS d50,
                            percentile_cont(0.9) WITHIN GROUP (ORDER BY edit_distance) FILTER (WHERE %2$s) AS d90,
                            max(edit_distance) FILTER (WHERE %2$s) AS dmax,
                            count(*) FILTER (WHERE %2$s AND edit_distance <= 10) AS b10,
                            count(*) FILTER (WHERE %2$s AND edit_distance BETWEEN 11 AND 50) AS b50,
                            count(*) FILTER (WHERE %2$s AND edit_distance BETWEEN 51 AND 200) AS b200,
                            count(*) FILTER (WHERE %2$s AND edit_distance > 200) AS bmore
                        FROM review_item WHERE %3$s GROUP BY model_version ORDER BY model_version
            """;

    private final JdbcClient jdbc;
    private final ReviewProperties properties;

    PostgresReviewStatistics(JdbcClient jdbc, ReviewProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public List<ModelReviewStatistics> byModelVersion() {
        Map<String, Map<String, Long>> reasons = reasons();
        return jdbc.sql(BY_MODEL.formatted(DECIDED, EDITED, "TRUE"))
                .query((rs, row) -> row(rs, reasons))
                .list();
    }

    @Override
    public Optional<ModelReviewStatistics> of(String modelVersion) {
        Map<String, Map<String, Long>> reasons = reasons();
        return jdbc.sql(BY_MODEL.formatted(DECIDED, EDITED, "model_version = :model"))
                .param("model", modelVersion)
                .query((rs, row) -> row(rs, reasons))
                .optional();
    }

    private ModelReviewStatistics row(ResultSet rs, Map<String, Map<String, Long>> reasons) throws SQLException {
        long decided = rs.getLong("decided");
        long edited = rs.getLong("edited");
        long rejected = rs.getLong("rejected");
        double rejectionRate = share(rejected, decided);
        Map<String, Long> histogram = new LinkedHashMap<>();
        histogram.put("0-10", rs.getLong("b10"));
        histogram.put("11-50", rs.getLong("b50"));
        histogram.put("51-200", rs.getLong("b200"));
        histogram.put("201+", rs.getLong("bmore"));
        String model = rs.getString("model_version");
        return new ModelReviewStatistics(
                model,
                rs.getLong("open"),
                decided,
                share(rs.getLong("approved"), decided),
                share(edited, decided),
                rejectionRate,
                new EditDistances(
                        edited,
                        orMinusOne(rs.getObject("d50")),
                        orMinusOne(rs.getObject("d90")),
                        (long) orMinusOne(rs.getObject("dmax")),
                        histogram),
                reasons.getOrDefault(model, Map.of()),
                orMinusOne(rs.getObject("median_seconds")),
                decided >= properties.rejectionWarningMinDecisions()
                        && rejectionRate > properties.rejectionWarningRate());
    }

    private Map<String, Map<String, Long>> reasons() {
        Map<String, Map<String, Long>> reasons = new TreeMap<>();
        jdbc.sql("SELECT model_version, decision_reason, count(*) AS n FROM review_item"
                        + " WHERE decision_reason IS NOT NULL GROUP BY model_version, decision_reason")
                .query(rs -> {
                    reasons.computeIfAbsent(rs.getString("model_version"), m -> new TreeMap<>())
                            .put(rs.getString("decision_reason"), rs.getLong("n"));
                });
        return reasons;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    private static double orMinusOne(Object value) {
        return value == null ? -1 : ((Number) value).doubleValue();
    }
}
