package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SummaryConfidenceTest {

    private static final int N = ConfidenceSignals.NAMES.size();

    /** Only the domain signal counts (weight 2, mean 0.4, scale 0.1); the distance bound is 0.7. */
    private static SummaryConfidence confidence() {
        double[] weights = new double[N];
        weights[0] = 2;
        double[] means = new double[N];
        means[0] = 0.4;
        double[] scales = new double[N];
        Arrays.fill(scales, 1);
        scales[0] = 0.1;
        return new SummaryConfidence(
                new SummaryCalibration(0.3, 1, 5, 400, 0.5, means, scales, weights, new float[] {1, 0}, 0.7));
    }

    private static ConfidenceSignals signals(double domain, double distance) {
        return new ConfidenceSignals(domain, 0.9, 0.6, 0.05, 0.4, 4, 2, 0.3, 0, 0.04, distance);
    }

    @Test
    void isTheLogisticOfTheStandardizedWeightedSignals() {
        // z = 0.5 + 2 * (0.5 - 0.4) / 0.1 = 2.5
        assertThat(confidence().of(signals(0.5, 0.3)))
                .isCloseTo(1 / (1 + Math.exp(-2.5)), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(confidence().of(signals(0.4, 0.3)))
                .isCloseTo(1 / (1 + Math.exp(-0.5)), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void beyondTheDistanceBoundTheTextIsOutOfDistributionAndTheConfidenceCapped() {
        ConfidenceSignals far = signals(0.9, 0.71);

        assertThat(confidence().outOfDistribution(far)).isTrue();
        assertThat(confidence().of(far)).isEqualTo(SummaryConfidence.OUT_OF_DISTRIBUTION_CAP);
        assertThat(confidence().outOfDistribution(signals(0.9, 0.7))).isFalse();
    }

    @Test
    void staysInTheUnitIntervalForExtremeSignals() {
        assertThat(confidence().of(signals(1e6, 0))).isBetween(0.0, 1.0);
        assertThat(confidence().of(signals(-1e6, 0))).isBetween(0.0, 1.0);
    }
}
