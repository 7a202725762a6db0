package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.attest.review.DecisionReason;
import org.attest.review.ReviewDecision;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewStatistics.ModelReviewStatistics;
import org.attest.review.Reviewer;
import org.junit.jupiter.api.Test;

/** Override statistics per model version, computed on a real PostgreSQL. */
class ReviewStatisticsTest {

    static final Reviewer ANNA = ReviewModules.reviewer("anna");

    @Test
    void ratesDistancesReasonsMedianTimeAndTheRejectionWarningPerModelVersion() {
        try (ReviewModules modules = ReviewModules.start()) {
            PostgresReviewStatistics statistics = new PostgresReviewStatistics(
                    modules.jdbc,
                    new ReviewProperties(
                            Duration.ofMinutes(10),
                            ReviewProperties.Probation.defaults(),
                            0.3,
                            4,
                            Duration.ofSeconds(30)));
            decide(modules, "m:1", new ReviewDecision.Approve(), Duration.ofSeconds(10));
            decide(
                    modules,
                    "m:1",
                    new ReviewDecision.Edit("Patient [NAME] admitted.", DecisionReason.STYLE),
                    Duration.ofSeconds(20));
            decide(modules, "m:1", new ReviewDecision.Reject(DecisionReason.FACTUAL_ERROR), Duration.ofSeconds(30));
            decide(modules, "m:1", new ReviewDecision.Reject(DecisionReason.FACTUAL_ERROR), Duration.ofSeconds(40));
            modules.hold("m:1", "qa-sample");
            decide(modules, "n:1", new ReviewDecision.Reject(DecisionReason.OTHER), Duration.ofSeconds(5));

            List<ModelReviewStatistics> byModel = statistics.byModelVersion();

            assertThat(byModel).extracting(ModelReviewStatistics::modelVersion).containsExactly("m:1", "n:1");
            ModelReviewStatistics m = byModel.getFirst();
            assertThat(m.open()).isEqualTo(1);
            assertThat(m.decided()).isEqualTo(4);
            assertThat(m.approvalRate()).isEqualTo(0.25);
            assertThat(m.editRate()).isEqualTo(0.25);
            assertThat(m.rejectionRate()).isEqualTo(0.5);
            int distance = EditDiff.distance(
                    "Patient [NAME] admitted with chest pain.\nTroponin negative.", "Patient [NAME] admitted.");
            assertThat(m.editDistance().count()).isEqualTo(1);
            assertThat(m.editDistance().median()).isEqualTo(distance);
            assertThat(m.editDistance().max()).isEqualTo(distance);
            assertThat(m.editDistance().histogram()).containsEntry("11-50", 1L).containsEntry("0-10", 0L);
            assertThat(m.reasons()).containsEntry("STYLE", 1L).containsEntry("FACTUAL_ERROR", 2L);
            assertThat(m.medianSecondsToDecision()).isEqualTo(25.0);
            assertThat(m.rejectionWarning()).as("0.5 > 0.3 with 4 decisions").isTrue();
            ModelReviewStatistics n = byModel.get(1);
            assertThat(n.rejectionRate()).isEqualTo(1.0);
            assertThat(n.rejectionWarning()).as("too few decisions to warn").isFalse();
            assertThat(n.editDistance().median()).isEqualTo(-1);
            assertThat(statistics.of("n:1")).contains(n);
            assertThat(statistics.of("m:1")).contains(m);
            assertThat(statistics.of("unknown:9")).isEmpty();
        }
    }

    private static void decide(ReviewModules modules, String model, ReviewDecision decision, Duration waited) {
        ReviewItem held = modules.hold(model, "below-confidence-threshold");
        modules.clock.advance(waited);
        modules.queue.claim(held.id(), ANNA);
        modules.queue.decide(held.id(), ANNA, decision);
    }
}
