package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.attest.review.ReleaseCandidate;
import org.attest.review.ReleaseDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules together: every fired rule is reported, QA sampling only touches what would be released. */
class DefaultReleasePolicyTest {

    static final DoubleSupplier NEVER_SAMPLED = () -> 0.99;
    static final DoubleSupplier ALWAYS_SAMPLED = () -> 0.0;

    static final ReleaseCandidate CONFIDENT = new ReleaseCandidate(0.9, 0.7, false);
    static final ReleaseCandidate UNSURE = new ReleaseCandidate(0.3, 0.7, false);
    static final ReleaseCandidate DEGRADED_AND_UNSURE = new ReleaseCandidate(0.3, 0.7, true);

    @Test
    void aConfidentPredictionOfAHealthyModelIsReleased() {
        ReleaseDecision decision =
                policy(ReleaseProperties.defaults(), NEVER_SAMPLED).decide(CONFIDENT);

        assertThat(decision.released()).isTrue();
        assertThat(decision.rulesFired()).isEmpty();
        assertThat(decision.policyVersion()).isEqualTo("release-policy/2");
    }

    @Test
    void degradedAndLowConfidenceAreBothReportedInRuleOrder() {
        ReleaseDecision decision =
                policy(ReleaseProperties.defaults(), ALWAYS_SAMPLED).decide(DEGRADED_AND_UNSURE);

        assertThat(decision.rulesFired()).containsExactly("degraded-model", "below-confidence-threshold");
        assertThat(decision.reason()).isEqualTo("degraded-model,below-confidence-threshold");
    }

    @Test
    void aDegradedModelIsHeldEvenWhenConfident() {
        ReleaseDecision decision =
                policy(ReleaseProperties.defaults(), NEVER_SAMPLED).decide(new ReleaseCandidate(0.99, 0.7, true));

        assertThat(decision.rulesFired()).containsExactly("degraded-model");
    }

    @Test
    void overrideOneHoldsEverything() {
        DefaultReleasePolicy incident = policy(new ReleaseProperties(1.0, 0.0), NEVER_SAMPLED);

        assertThat(incident.decide(new ReleaseCandidate(1.0, 0.1, false)).rulesFired())
                .containsExactly("below-confidence-threshold");
        assertThat(incident.decide(CONFIDENT).released()).isFalse();
        assertThat(incident.decide(UNSURE).released()).isFalse();
        assertThat(incident.decide(CONFIDENT).policyVersion())
                .isEqualTo("release-policy/2;threshold-override=1.0;qa-sample-rate=0.0");
    }

    @Test
    void overrideZeroReleasesHighAndLowButNotDegraded() {
        DefaultReleasePolicy shadow = policy(new ReleaseProperties(0.0, 0.0), ALWAYS_SAMPLED);

        assertThat(shadow.decide(CONFIDENT).released()).isTrue();
        assertThat(shadow.decide(UNSURE).released()).isTrue();
        assertThat(shadow.decide(new ReleaseCandidate(0.0, 0.7, false)).released())
                .isTrue();
        assertThat(shadow.decide(DEGRADED_AND_UNSURE).rulesFired()).containsExactly("degraded-model");
    }

    @Test
    void qaSampleFiresOnlyWhenNothingElseDid() {
        DefaultReleasePolicy sampling = policy(ReleaseProperties.defaults(), ALWAYS_SAMPLED);

        assertThat(sampling.decide(CONFIDENT).rulesFired()).containsExactly("qa-sample");
        assertThat(sampling.decide(UNSURE).rulesFired()).containsExactly("below-confidence-threshold");
        assertThat(sampling.decide(DEGRADED_AND_UNSURE).rulesFired()).doesNotContain("qa-sample");
    }

    @Test
    void noRandomNumberIsDrawnForAPredictionThatIsHeldAnyway() {
        AtomicInteger draws = new AtomicInteger();
        DefaultReleasePolicy policy = policy(ReleaseProperties.defaults(), () -> {
            draws.incrementAndGet();
            return 0.0;
        });

        policy.decide(UNSURE);
        policy.decide(CONFIDENT);

        assertThat(draws).hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0})
    void sampleRatesZeroAndOneAreNeverAndAlways(double rate) {
        Random random = new Random(42);
        DefaultReleasePolicy policy = policy(new ReleaseProperties(null, rate), random::nextDouble);

        for (int i = 0; i < 1_000; i++) {
            assertThat(policy.decide(CONFIDENT).released()).isEqualTo(rate == 0.0);
        }
    }

    @Test
    void theDefaultSampleRateHoldsAboutOneInTwenty() {
        Random random = new Random(7);
        DefaultReleasePolicy policy = policy(ReleaseProperties.defaults(), random::nextDouble);

        int sampled = 0;
        for (int i = 0; i < 10_000; i++) {
            sampled += policy.decide(CONFIDENT).released() ? 0 : 1;
        }

        assertThat(sampled).isBetween(400, 600);
    }

    @Test
    void theRulesAreOneOrderedList() {
        assertThat(policy(ReleaseProperties.defaults(), NEVER_SAMPLED).rules())
                .extracting(ReleaseRule::name)
                .containsExactly(
                        "degraded-model",
                        "below-confidence-threshold",
                        "out-of-scope",
                        "out-of-distribution",
                        "probation",
                        "qa-sample");
    }

    private static DefaultReleasePolicy policy(ReleaseProperties properties, DoubleSupplier draw) {
        return new DefaultReleasePolicy(properties, draw);
    }
}
