package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.attest.review.ReleaseCandidate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * QA sampling over many predictions with a fixed seed: the share of would-be-released predictions held is the
 * configured rate within a tolerance of four standard deviations, and predictions other rules hold are never drawn.
 */
class QaSamplingRateTest {

    static final int PREDICTIONS = 200_000;

    @ParameterizedTest(name = "rate {0}, seed {1}")
    @CsvSource({"0.05, 1", "0.05, 2", "0.01, 3", "0.2, 4", "0.5, 5"})
    void theSampledShareIsTheRateWithinTolerance(double rate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom mix = new SplittableRandom(seed + 1000);
        DefaultReleasePolicy policy = new DefaultReleasePolicy(new ReleaseProperties(null, rate), random::nextDouble);

        int wouldRelease = 0;
        int sampled = 0;
        for (int i = 0; i < PREDICTIONS; i++) {
            boolean confident = mix.nextDouble() < 0.7;
            ReleaseCandidate candidate = new ReleaseCandidate(confident ? 0.9 : 0.3, 0.7, false);
            var decision = policy.decide(candidate);
            if (confident) {
                wouldRelease++;
                sampled += decision.released() ? 0 : 1;
            } else {
                assertThat(decision.rulesFired()).containsExactly("below-confidence-threshold");
            }
        }

        double share = sampled / (double) wouldRelease;
        double tolerance = 4 * Math.sqrt(rate * (1 - rate) / wouldRelease);
        assertThat(share).isBetween(rate - tolerance, rate + tolerance);
    }
}
