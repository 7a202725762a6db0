package org.attest.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attest.audit.AuditTrail;
import org.attest.review.NewReviewItem;
import org.attest.review.ReviewDecided;
import org.attest.review.ReviewDecision;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewQueue;
import org.attest.review.ReviewStatus;
import org.attest.review.Reviewer;
import org.attest.review.UnknownReviewItemException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review queue in PostgreSQL's {@code review_item} table. A transition locks the item's row
 * ({@code SELECT ... FOR UPDATE}), so of two clinicians acting at once exactly one wins and the other sees the new
 * state and is refused; "next" skips rows other transactions hold ({@code SKIP LOCKED}), so replicas never hand the
 * same item to two clinicians.
 */
@Component
class PostgresReviewQueue implements ReviewQueue {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReviewItemWrites writes;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final PostgresReleaseProbations probations;
    private final ReviewProperties properties;

    PostgresReviewQueue(
            JdbcClient jdbc,
            Clock clock,
            PlatformTransactionManager transactions,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PostgresReleaseProbations probations,
            ReviewProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writes = new ReviewItemWrites(jdbc);
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.events = events;
        this.probations = probations;
        this.properties = properties;
    }

    @Override
    public ReviewItem enqueue(NewReviewItem item) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "review items are queued only inside the transaction that holds the summary");
        }
        return writes.insert(item, now(), Priorities.of(item.rulesFired().rulesFired()));
    }

    @Override
    public Optional<ReviewItem> find(UUID id) {
        Instant now = now();
        return jdbc.sql("SELECT " + ReviewRows.COLUMNS + " FROM review_item WHERE id = :id")
                .param("id", id)
                .query(ReviewRows.at(now))
                .optional();
    }

    @Override
    public Optional<ReviewItem> findBySummary(UUID summaryId) {
        Instant now = now();
        return jdbc.sql("SELECT " + ReviewRows.COLUMNS + " FROM review_item WHERE summary_id = :summaryId")
                .param("summaryId", summaryId)
                .query(ReviewRows.at(now))
                .optional();
    }

    @Override
    public List<ReviewItem> list(ReviewStatus status, int limit) {
        return page(status, null, 0, limit);
    }

    @Override
    public List<ReviewItem> page(@Nullable ReviewStatus status, @Nullable String modelVersion, int page, int size) {
        if (size < 1 || page < 0) {
            throw new IllegalArgumentException("page must be at least 0 and size at least 1");
        }
        Instant now = now();
        String where = status == null ? "TRUE" : statusPredicate(status);
        if (modelVersion != null) {
            where += " AND model_version = :model";
        }
        JdbcClient.StatementSpec query = jdbc.sql("SELECT " + ReviewRows.COLUMNS + " FROM review_item WHERE " + where
                        + " ORDER BY priority DESC, created_at, id LIMIT :limit OFFSET :offset")
                .param("now", ReviewRows.utc(now))
                .param("limit", size)
                .param("offset", (long) page * size);
        if (modelVersion != null) {
            query = query.param("model", modelVersion);
        }
        return query.query(ReviewRows.at(now)).list();
    }

    @Override
    public ReviewItem claim(UUID id, Reviewer reviewer) {
        return inTransaction(() -> {
            releaseLapsed(now());
            return claimLocked(lock(id), reviewer);
        });
    }

    /**
     * Returns claims whose lease lapsed undecided to PENDING, each with its audit event, so that the trail shows when
     * a clinician's hold ended; the sweeper runs it, and every claim runs it first.
     *
     * @return how many claims lapsed
     */
    int releaseLapsedClaims() {
        return inTransaction(() -> releaseLapsed(now()));
    }

    private int releaseLapsed(Instant now) {
        List<ReviewItem> lapsed = jdbc.sql("SELECT " + ReviewRows.COLUMNS + " FROM review_item"
                        + " WHERE status = 'CLAIMED' AND lease_expires_at <= :now"
                        + " ORDER BY lease_expires_at LIMIT 100 FOR UPDATE SKIP LOCKED")
                .param("now", ReviewRows.utc(now))
                .query(ReviewRows.at(now))
                .list();
        for (ReviewItem item : lapsed) {
            ReviewItem released = Transitions.lapse(item);
            writes.update(released, now);
            audit.append(ReviewEvents.lapsed(released));
        }
        return lapsed.size();
    }

    @Override
    public Optional<ReviewItem> claimNext(Reviewer reviewer, @Nullable String modelVersion) {
        return inTransaction(() -> {
            Instant now = now();
            releaseLapsed(now);
            JdbcClient.StatementSpec next = jdbc.sql("SELECT " + ReviewRows.COLUMNS + " FROM review_item WHERE "
                            + ReviewRows.OPEN + (modelVersion == null ? "" : " AND model_version = :model")
                            + " ORDER BY priority DESC, created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                    .param("now", ReviewRows.utc(now));
            if (modelVersion != null) {
                next = next.param("model", modelVersion);
            }
            return next.query(ReviewRows.at(now)).optional().map(item -> claimLocked(item, reviewer));
        });
    }

    @Override
    public ReviewItem decide(UUID id, Reviewer reviewer, ReviewDecision decision) {
        return inTransaction(() -> {
            ReviewItem item = lock(id);
            Instant now = now();
            ReviewItem decided = Transitions.decide(item, reviewer.actor(), now, decision);
            writes.update(decided, now);
            ReviewItem.Decision recorded = java.util.Objects.requireNonNull(decided.decision());
            events.publishEvent(new ReviewDecided(
                    decided.id(),
                    decided.summaryId(),
                    decided.clientId(),
                    decided.status(),
                    recorded.finalText(),
                    recorded.by(),
                    recorded.at()));
            probations.measure(decided.modelVersion(), now);
            audit.append(ReviewEvents.decided(decided, reviewer));
            return decided;
        });
    }

    private ReviewItem claimLocked(ReviewItem item, Reviewer reviewer) {
        Instant now = now();
        ReviewItem claimed = Transitions.claim(item, reviewer.actor(), now, properties.lease());
        writes.update(claimed, now);
        audit.append(ReviewEvents.claimed(claimed, reviewer));
        return claimed;
    }

    private ReviewItem lock(UUID id) {
        return jdbc.sql("SELECT " + ReviewRows.COLUMNS + " FROM review_item WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(ReviewRows.at(now()))
                .optional()
                .orElseThrow(UnknownReviewItemException::new);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        T result = transaction.execute(status -> work.get());
        return java.util.Objects.requireNonNull(result);
    }

    private static String statusPredicate(ReviewStatus status) {
        return switch (status) {
            case PENDING -> ReviewRows.OPEN;
            case CLAIMED -> ReviewRows.LIVE_CLAIM;
            default -> "status = '" + status.name() + "'";
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
