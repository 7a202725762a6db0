package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attest.review.DecisionReason;
import org.attest.review.ReleaseCandidate;
import org.attest.review.ReleasePolicy;
import org.attest.review.ReleaseProbations;
import org.attest.review.ReviewDecision;
import org.attest.review.ReviewItem;
import org.attest.review.Reviewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A promoted version is reviewed in full until clinicians approve, unedited, the required share of its last N
 * decided items; the version that is the default at first start is never on probation.
 */
class ReleaseProbationsTest {

    static final Reviewer ANNA = ReviewModules.reviewer("anna");

    static ReviewModules modules;

    @BeforeAll
    static void start() {
        modules = ReviewModules.start(new ReviewProperties(
                Duration.ofMinutes(10),
                new ReviewProperties.Probation(5, 0.8, Duration.ofSeconds(2)),
                0.2,
                10,
                Duration.ofSeconds(30)));
    }

    @AfterAll
    static void close() {
        modules.close();
    }

    @Test
    void theVersionServingAtFirstStartIsNotOnProbation() {
        ReleasePolicy policy = modules.context.getBean(ReleasePolicy.class);

        assertThat(modules.context.getBean(ReleaseProbations.class).onProbation("clinical-summarizer-extractive:1"))
                .isFalse();
        assertThat(policy.decide(confident("clinical-summarizer-extractive:1")).rulesFired())
                .doesNotContain("probation");
    }

    @Test
    void theWiredPolicyHoldsEverythingOfAVersionOnProbation() {
        modules.context.getBean(ReleaseProbations.class).begin("wired:2");

        assertThat(modules.context
                        .getBean(ReleasePolicy.class)
                        .decide(confident("wired:2"))
                        .rulesFired())
                .contains("probation");
    }

    @Test
    void probationEndsOnceTheLastNDecisionsAgreeEnough() {
        modules.probations.begin("summarizer:2");
        assertThat(modules.probations.onProbation("summarizer:2")).isTrue();

        decide("summarizer:2", new ReviewDecision.Reject(DecisionReason.FACTUAL_ERROR));
        for (int i = 0; i < 4; i++) {
            decide("summarizer:2", new ReviewDecision.Approve());
        }
        assertThat(modules.probations.onProbation("summarizer:2"))
                .as("4 of the last 5 approved unedited is the required 0.8")
                .isFalse();
        assertThat(modules.probations.find("summarizer:2").orElseThrow().agreementAtEnd())
                .isEqualTo(0.8);
    }

    @Test
    void editsAreNotAgreementAndFewerThanNDecisionsNeverEndIt() {
        modules.probations.begin("summarizer:3");
        decide("summarizer:3", new ReviewDecision.Edit("better", DecisionReason.STYLE));
        for (int i = 0; i < 3; i++) {
            decide("summarizer:3", new ReviewDecision.Approve());
        }
        assertThat(modules.probations.onProbation("summarizer:3"))
                .as("fewer than N decided")
                .isTrue();
        decide("summarizer:3", new ReviewDecision.Edit("better", DecisionReason.STYLE));
        assertThat(modules.probations.onProbation("summarizer:3"))
                .as("3 of the last 5")
                .isTrue();
        decide("summarizer:3", new ReviewDecision.Approve());
        assertThat(modules.probations.onProbation("summarizer:3"))
                .as("4 of the last 5")
                .isFalse();
    }

    @Test
    void beginningAgainRestartsAnEndedProbationButNotARunningOne() {
        modules.probations.begin("summarizer:4");
        for (int i = 0; i < 5; i++) {
            decide("summarizer:4", new ReviewDecision.Approve());
        }
        assertThat(modules.probations.onProbation("summarizer:4")).isFalse();

        modules.clock.advance(Duration.ofSeconds(1));
        modules.probations.begin("summarizer:4");
        assertThat(modules.probations.onProbation("summarizer:4")).isTrue();
        decide("summarizer:4", new ReviewDecision.Approve());
        modules.probations.begin("summarizer:4");
        assertThat(modules.probations.find("summarizer:4").orElseThrow().ended())
                .isFalse();
        for (int i = 0; i < 3; i++) {
            decide("summarizer:4", new ReviewDecision.Approve());
        }
        assertThat(modules.probations.onProbation("summarizer:4"))
                .as("only decisions since the new probation began count")
                .isTrue();
    }

    @Test
    void everyReplicaLearnsOfAnotherReplicasProbationsOnReload() {
        PostgresReleaseProbations other = new PostgresReleaseProbations(modules.jdbc, modules.clock, modules.props);
        modules.probations.begin("summarizer:5");
        assertThat(other.onProbation("summarizer:5")).as("not yet reloaded").isFalse();

        other.refresh();
        assertThat(other.onProbation("summarizer:5")).isTrue();

        for (int i = 0; i < 5; i++) {
            decide("summarizer:5", new ReviewDecision.Approve());
        }
        assertThat(modules.probations.onProbation("summarizer:5")).isFalse();
        other.refresh();
        assertThat(other.onProbation("summarizer:5")).isFalse();
    }

    @Test
    void aReloadJustBeforeABeginCommittedDoesNotForgetIt() {
        PostgresReleaseProbations replica = new PostgresReleaseProbations(modules.jdbc, modules.clock, modules.props);
        replica.begin("summarizer:6");
        modules.jdbc
                .sql("DELETE FROM model_probation WHERE model_version = 'summarizer:6'")
                .update();

        replica.refresh();

        assertThat(replica.onProbation("summarizer:6"))
                .as("begun here moments ago")
                .isTrue();
        modules.clock.advance(Duration.ofMinutes(1));
        replica.refresh();
        assertThat(replica.onProbation("summarizer:6")).isFalse();
    }

    private static void decide(String modelVersion, ReviewDecision decision) {
        modules.clock.advance(Duration.ofMillis(1));
        ReviewItem held = modules.hold(modelVersion, "probation");
        modules.queue.claim(held.id(), ANNA);
        modules.queue.decide(held.id(), ANNA, decision);
    }

    private static ReleaseCandidate confident(String modelVersion) {
        return new ReleaseCandidate(0.99, 0.5, false, modelVersion, 500, "en", false, null);
    }
}
