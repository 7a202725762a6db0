package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.attest.review.IllegalTransitionException;
import org.attest.review.ReviewDecision;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewStatus;
import org.attest.review.Reviewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clinicians acting on the same item at once on the real PostgreSQL: exactly one wins, the rest get a refusal. */
class ConcurrentDecisionsTest {

    static final int CLINICIANS = 50;

    static ReviewModules modules;

    @BeforeAll
    static void start() {
        modules = ReviewModules.start();
    }

    @AfterAll
    static void close() {
        modules.close();
    }

    @Test
    void fiftyConcurrentApprovalsOfOneClaimedItemAreOneDecisionAndOneAuditRow() throws Exception {
        Reviewer anna = ReviewModules.reviewer("anna");
        ReviewItem held = modules.hold();
        modules.queue.claim(held.id(), anna);

        List<Outcome> outcomes = race(i -> () -> modules.queue.decide(held.id(), anna, new ReviewDecision.Approve()));

        assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
        assertThat(outcomes).filteredOn(Outcome::refused).hasSize(CLINICIANS - 1);
        assertThat(modules.queue.find(held.id()).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(modules.auditRows(held.summaryId()))
                .extracting(row -> row.get("event_type"))
                .containsExactly("REVIEW_CLAIMED", "REVIEW_APPROVED");
        assertThat(modules.decided)
                .filteredOn(d -> d.itemId().equals(held.id()))
                .hasSize(1);
    }

    @Test
    void fiftyClinciansClaimingAndApprovingOneItemAtOnceLeaveOneWinner() throws Exception {
        ReviewItem held = modules.hold();

        List<Outcome> outcomes = race(i -> () -> {
            Reviewer clinician = ReviewModules.reviewer("clinician-" + i);
            modules.queue.claim(held.id(), clinician);
            return modules.queue.decide(held.id(), clinician, new ReviewDecision.Approve());
        });

        assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
        assertThat(outcomes).filteredOn(Outcome::refused).hasSize(CLINICIANS - 1);
        ReviewItem decided = modules.queue.find(held.id()).orElseThrow();
        assertThat(decided.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(decided.version()).isEqualTo(2);
        assertThat(modules.auditRows(held.summaryId()))
                .extracting(row -> row.get("event_type"))
                .containsExactly("REVIEW_CLAIMED", "REVIEW_APPROVED");
        assertThat(modules.audit().verify().intact()).isTrue();
    }

    @Test
    void concurrentNextCallsNeverHandOutTheSameItemTwice() throws Exception {
        try (ReviewModules own = ReviewModules.start()) {
            List<ReviewItem> held = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                held.add(own.hold());
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<java.util.Optional<ReviewItem>>> claims = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    Reviewer clinician = ReviewModules.reviewer("c" + i);
                    claims.add(pool.submit(() -> own.queue.claimNext(clinician, null)));
                }
                List<ReviewItem> got = new ArrayList<>();
                for (Future<java.util.Optional<ReviewItem>> claim : claims) {
                    claim.get().ifPresent(got::add);
                }
                assertThat(got).extracting(ReviewItem::id).doesNotHaveDuplicates();
                assertThat(got)
                        .extracting(ReviewItem::id)
                        .containsExactlyInAnyOrderElementsOf(
                                held.stream().map(ReviewItem::id).toList());
            } finally {
                pool.shutdown();
            }
        }
    }

    private static List<Outcome> race(java.util.function.IntFunction<Callable<ReviewItem>> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLINICIANS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < CLINICIANS; i++) {
                Callable<ReviewItem> work = attempt.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        work.call();
                        return new Outcome(true, false);
                    } catch (IllegalTransitionException refused) {
                        return new Outcome(false, true);
                    }
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    record Outcome(boolean won, boolean refused) {}
}
