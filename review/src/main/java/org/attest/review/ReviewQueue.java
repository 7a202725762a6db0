package org.attest.review;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The items waiting for clinicians. */
public interface ReviewQueue {

    /** Queues a held prediction as PENDING, in the caller's transaction (it refuses to run without one). */
    ReviewItem enqueue(NewReviewItem item);

    Optional<ReviewItem> find(UUID id);

    Optional<ReviewItem> findBySummary(UUID summaryId);

    /** Items in one status, oldest first. */
    List<ReviewItem> list(ReviewStatus status, int limit);
}
