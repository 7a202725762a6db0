package org.attest.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.attest.review.ReleaseProbations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Probations in PostgreSQL's {@code model_probation} table, measured on {@code review_item}'s decisions. */
@Component
class PostgresReleaseProbations implements ReleaseProbations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReviewProperties.Probation settings;

    PostgresReleaseProbations(JdbcClient jdbc, Clock clock, ReviewProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.probation();
    }

    @Override
    public void begin(String modelVersion) {
        // a version promoted again after its probation ended starts a new one; a running one goes on unchanged
        jdbc.sql("""
                        INSERT INTO model_probation (model_version, started_at, window_items, required_agreement)
                        VALUES (:model, :now, :window, :agreement)
                        ON CONFLICT (model_version) DO UPDATE
                            SET started_at = EXCLUDED.started_at, window_items = EXCLUDED.window_items,
                                required_agreement = EXCLUDED.required_agreement, ended_at = NULL,
                                agreement_at_end = NULL
                            WHERE model_probation.ended_at IS NOT NULL
                        """)
                .param("model", modelVersion)
                .param("now", ReviewRows.utc(clock.instant()))
                .param("window", settings.windowItems())
                .param("agreement", settings.requiredAgreement())
                .update();
    }

    @Override
    public boolean onProbation(String modelVersion) {
        return jdbc.sql("SELECT count(*) FROM model_probation WHERE model_version = :model AND ended_at IS NULL")
                        .param("model", modelVersion)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public Optional<Probation> find(String modelVersion) {
        return jdbc.sql("SELECT * FROM model_probation WHERE model_version = :model")
                .param("model", modelVersion)
                .query((rs, row) -> new Probation(
                        rs.getString("model_version"),
                        rs.getInt("window_items"),
                        rs.getDouble("required_agreement"),
                        rs.getObject("ended_at") != null,
                        rs.getObject("agreement_at_end") == null ? -1 : rs.getDouble("agreement_at_end")))
                .optional();
    }

    /**
     * After a decision on {@code modelVersion}, in its transaction: ends the probation once the version's last N
     * decided items since it began are at least the required share approved unedited.
     */
    void measure(String modelVersion, Instant now) {
        Optional<Probation> running = find(modelVersion).filter(p -> !p.ended());
        if (running.isEmpty()) {
            return;
        }
        Probation probation = running.get();
        List<String> last = jdbc.sql("""
                        SELECT r.status FROM review_item r JOIN model_probation p ON p.model_version = r.model_version
                        WHERE r.model_version = :model AND r.decided_at >= p.started_at
                        ORDER BY r.decided_at DESC, r.id LIMIT :window
                        """)
                .param("model", modelVersion)
                .param("window", probation.windowItems())
                .query(String.class)
                .list();
        if (last.size() < probation.windowItems()) {
            return;
        }
        double agreement = last.stream().filter("APPROVED"::equals).count() / (double) last.size();
        if (agreement >= probation.requiredAgreement()) {
            jdbc.sql("UPDATE model_probation SET ended_at = :now, agreement_at_end = :agreement"
                            + " WHERE model_version = :model AND ended_at IS NULL")
                    .param("now", ReviewRows.utc(now))
                    .param("agreement", agreement)
                    .param("model", modelVersion)
                    .update();
        }
    }
}
