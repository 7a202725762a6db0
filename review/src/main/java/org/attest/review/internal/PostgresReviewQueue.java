package org.attest.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attest.review.NewReviewItem;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewQueue;
import org.attest.review.ReviewStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The review queue in PostgreSQL's {@code review_item} table. */
@Component
class PostgresReviewQueue implements ReviewQueue {

    private static final String COLUMNS = """
            id, summary_id, status, reason, confidence, model_version, redaction_policy_version, created_at, version""";

    private final JdbcClient jdbc;
    private final Clock clock;

    PostgresReviewQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public ReviewItem enqueue(NewReviewItem item) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "review items are queued only inside the transaction that holds the summary");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReviewItem queued = new ReviewItem(
                UUID.randomUUID(),
                item.summaryId(),
                ReviewStatus.PENDING,
                item.reason(),
                item.confidence(),
                item.modelVersion(),
                item.redactionPolicyVersion(),
                now,
                0);
        jdbc.sql("""
                        INSERT INTO review_item (id, summary_id, status, reason, confidence, model_version,
                            redaction_policy_version, created_at, updated_at, version)
                        VALUES (:id, :summaryId, :status, :reason, :confidence, :modelVersion, :redactionPolicy,
                            :createdAt, :createdAt, :version)
                        """)
                .param("id", queued.id())
                .param("summaryId", queued.summaryId())
                .param("status", queued.status().name())
                .param("reason", queued.reason())
                .param("confidence", queued.confidence())
                .param("modelVersion", queued.modelVersion())
                .param("redactionPolicy", queued.redactionPolicyVersion())
                .param("createdAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("version", queued.version())
                .update();
        return queued;
    }

    @Override
    public Optional<ReviewItem> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_item WHERE id = :id")
                .param("id", id)
                .query(PostgresReviewQueue::map)
                .optional();
    }

    @Override
    public Optional<ReviewItem> findBySummary(UUID summaryId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_item WHERE summary_id = :summaryId")
                .param("summaryId", summaryId)
                .query(PostgresReviewQueue::map)
                .optional();
    }

    @Override
    public List<ReviewItem> list(ReviewStatus status, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM review_item WHERE status = :status ORDER BY created_at, id LIMIT :limit")
                .param("status", status.name())
                .param("limit", limit)
                .query(PostgresReviewQueue::map)
                .list();
    }

    private static ReviewItem map(ResultSet rs, int rowNum) throws SQLException {
        return new ReviewItem(
                rs.getObject("id", UUID.class),
                rs.getObject("summary_id", UUID.class),
                ReviewStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getDouble("confidence"),
                rs.getString("model_version"),
                rs.getString("redaction_policy_version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }
}
