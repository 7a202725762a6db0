package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.review.ReleaseCandidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each release rule on its own. */
class ReleaseRuleTest {

    @Test
    void degradedModelHoldsOnlyWhatADegradedModelProduced() {
        ReleaseRule rule = new ReleaseRule.DegradedModel();

        assertThat(rule.name()).isEqualTo("degraded-model");
        assertThat(rule.holdsBack(new ReleaseCandidate(0.99, 0.5, true))).isTrue();
        assertThat(rule.holdsBack(new ReleaseCandidate(0.99, 0.5, false))).isFalse();
        assertThat(rule.onlyWhenNothingElseFired()).isFalse();
    }

    @ParameterizedTest(name = "confidence {0}, model threshold {1}, override {2} -> held {3}")
    @CsvSource(
            nullValues = "none",
            value = {
                "0.69, 0.7, none, true",
                "0.70, 0.7, none, false",
                "0.95, 0.7, none, false",
                "0.95, 0.7, 1.0, true",
                "1.0, 0.7, 1.0, true",
                "1.0, 1.0, none, true",
                "0.0, 0.7, 0.0, false",
                "0.5, 0.2, 0.6, true",
                "0.5, 0.9, 0.4, false",
                "NaN, 0.7, none, true",
                "NaN, 0.7, 0.0, true",
            })
    void belowConfidenceThresholdUsesTheOverrideElseTheModelsThreshold(
            double confidence, double modelThreshold, Double override, boolean held) {
        ReleaseRule rule = new ReleaseRule.BelowConfidenceThreshold(override);

        assertThat(rule.name()).isEqualTo("below-confidence-threshold");
        assertThat(rule.holdsBack(new ReleaseCandidate(confidence, modelThreshold, false)))
                .isEqualTo(held);
    }

    @Test
    void qaSampleHoldsWhenTheDrawFallsBelowTheRate() {
        ReleaseCandidate confident = new ReleaseCandidate(0.99, 0.5, false);

        assertThat(new ReleaseRule.QaSample(0.05, () -> 0.049).holdsBack(confident))
                .isTrue();
        assertThat(new ReleaseRule.QaSample(0.05, () -> 0.05).holdsBack(confident))
                .isFalse();
        assertThat(new ReleaseRule.QaSample(0.0, () -> 0.0).holdsBack(confident))
                .isFalse();
        assertThat(new ReleaseRule.QaSample(1.0, () -> Math.nextDown(1.0)).holdsBack(confident))
                .isTrue();
        ReleaseRule rule = new ReleaseRule.QaSample(0.05, () -> 0.5);
        assertThat(rule.name()).isEqualTo("qa-sample");
        assertThat(rule.onlyWhenNothingElseFired()).isTrue();
    }
}
