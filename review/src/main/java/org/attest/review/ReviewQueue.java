package org.attest.review;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The items waiting for clinicians, and their lifecycle. Every transition runs in a transaction of its own that locks
 * the item's row, writes its audit event (subject: the summary's id) as the last statement, and publishes
 * {@link ReviewDecided} for decisions; an illegal transition throws {@link IllegalTransitionException} and changes
 * nothing.
 */
public interface ReviewQueue {

    /** Queues a held prediction as PENDING, in the caller's transaction (it refuses to run without one). */
    ReviewItem enqueue(NewReviewItem item);

    Optional<ReviewItem> find(UUID id);

    Optional<ReviewItem> findBySummary(UUID summaryId);

    /** Items in one status, highest priority first, then oldest first. */
    List<ReviewItem> list(ReviewStatus status, int limit);

    /**
     * One page of items, highest priority first, then oldest first.
     *
     * @param status only this status, or any
     * @param modelVersion only this {@code name:version}, or any
     * @param page zero-based
     * @param size items per page, at least 1
     */
    List<ReviewItem> page(@Nullable ReviewStatus status, @Nullable String modelVersion, int page, int size);

    /** Claims a PENDING item (or one whose claim lapsed, or renews one's own claim) for the lease. */
    ReviewItem claim(UUID id, Reviewer reviewer);

    /** Claims the next open item (highest priority, then oldest), skipping items other replicas hold locked. */
    Optional<ReviewItem> claimNext(Reviewer reviewer, @Nullable String modelVersion);

    /** Decides an item the reviewer holds a live claim on. */
    ReviewItem decide(UUID id, Reviewer reviewer, ReviewDecision decision);
}
