package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attest.audit.ModelRef;
import org.attest.review.NewReviewItem;
import org.attest.review.ReleaseDecision;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Queueing held predictions on a real PostgreSQL. */
class PostgresReviewQueueTest {

    static ReviewModules modules;

    @BeforeAll
    static void database() {
        modules = ReviewModules.start();
    }

    @AfterAll
    static void close() {
        modules.close();
    }

    @Test
    void anEnqueuedItemIsPendingAndReadsBackAsReturned() {
        NewReviewItem held = held("below-confidence-threshold");

        ReviewItem queued = modules.transaction.execute(status -> modules.queue.enqueue(held));

        assertThat(queued.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(queued.summaryId()).isEqualTo(held.summaryId());
        assertThat(queued.clientId()).isEqualTo("demo-consumer");
        assertThat(queued.reason()).isEqualTo("below-confidence-threshold");
        assertThat(queued.releasePolicyVersion()).isEqualTo("release-policy/2");
        assertThat(queued.priority()).isEqualTo(2);
        assertThat(queued.confidence()).isEqualTo(0.42);
        assertThat(queued.modelVersion()).isEqualTo("clinical-summarizer-extractive:1");
        assertThat(queued.model().cardHash()).isNull();
        assertThat(queued.redactionPolicyVersion()).isEqualTo("redaction-policy/1");
        assertThat(queued.draftText()).isEqualTo("draft");
        assertThat(queued.redactedSource()).isEqualTo("[NAME] source");
        assertThat(queued.createdAt()).isEqualTo(modules.clock.instant());
        assertThat(queued.claim()).isNull();
        assertThat(queued.decision()).isNull();
        assertThat(queued.version()).isZero();
        assertThat(modules.queue.find(queued.id())).contains(queued);
        assertThat(modules.queue.findBySummary(held.summaryId())).contains(queued);
        Map<String, Object> row = modules.jdbc
                .sql("SELECT * FROM review_item WHERE id = :id")
                .param("id", queued.id())
                .query()
                .singleRow();
        assertThat(row).containsEntry("decided_at", null).containsEntry("lease_expires_at", null);
        assertThat(row.get("updated_at")).isEqualTo(row.get("created_at"));
    }

    @Test
    void enqueueOutsideATransactionIsRefused() {
        NewReviewItem held = held("degraded-model");

        assertThatThrownBy(() -> modules.queue.enqueue(held))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
        assertThat(modules.queue.findBySummary(held.summaryId())).isEmpty();
    }

    @Test
    void aRolledBackEnqueueLeavesNothing() {
        NewReviewItem held = held("qa-sample");

        modules.transaction.executeWithoutResult(status -> {
            modules.queue.enqueue(held);
            status.setRollbackOnly();
        });

        assertThat(modules.queue.findBySummary(held.summaryId())).isEmpty();
    }

    @Test
    void aSummaryIsQueuedAtMostOnce() {
        NewReviewItem held = held("qa-sample");
        modules.transaction.execute(status -> modules.queue.enqueue(held));

        assertThatThrownBy(() -> modules.transaction.execute(status -> modules.queue.enqueue(held)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void unknownIdsAreAbsent() {
        assertThat(modules.queue.find(UUID.randomUUID())).isEmpty();
        assertThat(modules.queue.findBySummary(UUID.randomUUID())).isEmpty();
    }

    @Test
    void listReturnsOneStatusByPriorityThenOldestFirstUpToTheLimit() {
        try (ReviewModules own = ReviewModules.start()) {
            ReviewItem first = own.hold("m:1", "below-confidence-threshold");
            own.clock.advance(Duration.ofMinutes(1));
            ReviewItem second = own.hold("m:1", "qa-sample");
            own.clock.advance(Duration.ofMinutes(1));
            ReviewItem urgent = own.hold("m:1", "degraded-model");
            ReviewItem claimed = own.hold("m:1", "qa-sample");
            own.queue.claim(claimed.id(), ReviewModules.reviewer("anna"));

            List<ReviewItem> top = own.queue.list(ReviewStatus.PENDING, 2);

            assertThat(top).extracting(ReviewItem::id).containsExactly(urgent.id(), first.id());
            assertThat(own.queue.list(ReviewStatus.PENDING, 10))
                    .extracting(ReviewItem::id)
                    .containsExactly(urgent.id(), first.id(), second.id());
            assertThat(own.queue.list(ReviewStatus.CLAIMED, 10))
                    .singleElement()
                    .satisfies(item -> assertThat(item.version()).isEqualTo(1));
            assertThat(own.queue.list(ReviewStatus.REJECTED, 10)).isEmpty();
            assertThatThrownBy(() -> own.queue.list(ReviewStatus.PENDING, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theDatabaseRefusesAnUnknownStatusAndInconsistentStates() {
        assertThatThrownBy(() -> modules.jdbc.sql("""
                        INSERT INTO review_item (id, summary_id, status, reason, confidence, model_version,
                            redaction_policy_version, created_at, updated_at)
                        VALUES (gen_random_uuid(), gen_random_uuid(), 'LOST', 'r', 0.5, 'm:1', 'p/1', now(), now())
                        """).update()).isInstanceOf(DataIntegrityViolationException.class);
        ReviewItem held = modules.hold();
        assertThatThrownBy(() -> modules.jdbc
                        .sql("UPDATE review_item SET status = 'CLAIMED' WHERE id = :id")
                        .param("id", held.id())
                        .update())
                .as("a claim without a claimant and a lease")
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> modules.jdbc
                        .sql("UPDATE review_item SET status = 'APPROVED' WHERE id = :id")
                        .param("id", held.id())
                        .update())
                .as("a decision without a decider and a text")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static NewReviewItem held(String rule) {
        return new NewReviewItem(
                UUID.randomUUID(),
                "demo-consumer",
                new ReleaseDecision(List.of(rule), "release-policy/2"),
                0.42,
                new ModelRef("clinical-summarizer-extractive", "1", "b".repeat(64), null),
                "redaction-policy/1",
                "draft",
                "[NAME] source");
    }
}
