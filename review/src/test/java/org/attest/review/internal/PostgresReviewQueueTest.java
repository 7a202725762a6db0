package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attest.review.NewReviewItem;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The review queue on a real PostgreSQL. */
class PostgresReviewQueueTest {

    static final Instant NOW = Instant.parse("2025-05-06T07:08:09.123456789Z");

    static ReviewDatabase db;
    static PostgresReviewQueue queue;

    @BeforeAll
    static void database() {
        db = ReviewDatabase.create();
        queue = new PostgresReviewQueue(db.jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anEnqueuedItemIsPendingAndReadsBackAsReturned() {
        NewReviewItem held = held("below-confidence-threshold", 0.42);

        ReviewItem queued = db.transaction.execute(status -> queue.enqueue(held));

        assertThat(queued).isNotNull();
        assertThat(queued.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(queued.summaryId()).isEqualTo(held.summaryId());
        assertThat(queued.reason()).isEqualTo("below-confidence-threshold");
        assertThat(queued.confidence()).isEqualTo(0.42);
        assertThat(queued.modelVersion()).isEqualTo("clinical-summarizer-extractive:1");
        assertThat(queued.redactionPolicyVersion()).isEqualTo("redaction-policy/1");
        assertThat(queued.createdAt()).isEqualTo(Instant.parse("2025-05-06T07:08:09.123456Z"));
        assertThat(queued.version()).isZero();
        assertThat(queue.find(queued.id())).contains(queued);
        assertThat(queue.findBySummary(held.summaryId())).contains(queued);
        Map<String, Object> row = db.jdbc
                .sql("SELECT * FROM review_item WHERE id = :id")
                .param("id", queued.id())
                .query()
                .singleRow();
        assertThat(row).containsEntry("decided_at", null).containsEntry("decided_by_issuer", null);
        assertThat(row.get("updated_at")).isEqualTo(row.get("created_at"));
    }

    @Test
    void enqueueOutsideATransactionIsRefused() {
        NewReviewItem held = held("degraded-model", 0.1);

        assertThatThrownBy(() -> queue.enqueue(held))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
        assertThat(queue.findBySummary(held.summaryId())).isEmpty();
    }

    @Test
    void aRolledBackEnqueueLeavesNothing() {
        NewReviewItem held = held("qa-sample", 0.9);

        db.transaction.executeWithoutResult(status -> {
            queue.enqueue(held);
            status.setRollbackOnly();
        });

        assertThat(queue.findBySummary(held.summaryId())).isEmpty();
    }

    @Test
    void aSummaryIsQueuedAtMostOnce() {
        NewReviewItem held = held("qa-sample", 0.9);
        db.transaction.execute(status -> queue.enqueue(held));

        assertThatThrownBy(() -> db.transaction.execute(status -> queue.enqueue(held)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void unknownIdsAreAbsent() {
        assertThat(queue.find(UUID.randomUUID())).isEmpty();
        assertThat(queue.findBySummary(UUID.randomUUID())).isEmpty();
    }

    @Test
    void listReturnsOneStatusOldestFirstUpToTheLimit() {
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        List<ReviewItem> queued = new java.util.ArrayList<>();
        for (int minutes : new int[] {3, 1, 2}) {
            PostgresReviewQueue at = new PostgresReviewQueue(
                    db.jdbc, Clock.fixed(start.plus(Duration.ofMinutes(minutes)), ZoneOffset.UTC));
            queued.add(db.transaction.execute(status -> at.enqueue(held("below-confidence-threshold", 0.5))));
        }
        UUID claimed = db.transaction
                .execute(status -> queue.enqueue(held("qa-sample", 0.8)))
                .id();
        db.jdbc
                .sql("UPDATE review_item SET status = 'CLAIMED', version = 1 WHERE id = :id")
                .param("id", claimed)
                .update();

        List<ReviewItem> oldest = queue.list(ReviewStatus.PENDING, 2);

        assertThat(oldest).containsExactly(queued.get(1), queued.get(2));
        assertThat(queue.list(ReviewStatus.PENDING, 1000))
                .doesNotContain(queue.find(claimed).orElseThrow());
        assertThat(queue.list(ReviewStatus.CLAIMED, 10))
                .singleElement()
                .satisfies(item -> assertThat(item.version()).isEqualTo(1));
        assertThat(queue.list(ReviewStatus.REJECTED, 10)).isEmpty();
        assertThatThrownBy(() -> queue.list(ReviewStatus.PENDING, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDatabaseRefusesAnUnknownStatus() {
        assertThatThrownBy(() -> db.jdbc.sql("""
                        INSERT INTO review_item (id, summary_id, status, reason, confidence, model_version,
                            redaction_policy_version, created_at, updated_at)
                        VALUES (gen_random_uuid(), gen_random_uuid(), 'LOST', 'r', 0.5, 'm:1', 'p/1', now(), now())
                        """).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    private static NewReviewItem held(String reason, double confidence) {
        return new NewReviewItem(
                UUID.randomUUID(), reason, confidence, "clinical-summarizer-extractive:1", "redaction-policy/1");
    }
}
