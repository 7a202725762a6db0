package org.attest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void spearmanIsOneForAnyIncreasingRelationAndMinusOneForADecreasingOne() {
        double[] x = {1, 2, 3, 4, 5};

        assertThat(Statistics.spearman(x, new double[] {1, 4, 9, 16, 100})).isCloseTo(1, within(1e-9));
        assertThat(Statistics.spearman(x, new double[] {5, 3, 2, 1, 0})).isCloseTo(-1, within(1e-9));
    }

    @Test
    void tiesGetTheirMeanRank() {
        assertThat(Statistics.ranks(new double[] {10, 20, 20, 30})).containsExactly(1, 2.5, 2.5, 4);
        // ranks x: 1 2 3, y: 1.5 1.5 3 → rho = pearson = 0.8660
        assertThat(Statistics.spearman(new double[] {1, 2, 3}, new double[] {0, 0, 1}))
                .isCloseTo(Math.sqrt(3) / 2, within(1e-9));
    }

    @Test
    void percentilesAreNearestRank() {
        double[] values = {5, 1, 4, 2, 3};

        assertThat(Statistics.percentile(values, 50)).isEqualTo(3);
        assertThat(Statistics.percentile(values, 100)).isEqualTo(5);
        assertThat(Statistics.percentile(values, 0)).isEqualTo(1);
    }
}
