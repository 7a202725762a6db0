package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MmrSelectorTest {

    private static float[] unit(float... values) {
        return Vectors.normalized(values);
    }

    @Test
    void prefersANewPointToARepeatOfTheFirst() {
        float[][] vectors = {unit(1, 0, 0), unit(1, 0.5f, 0), unit(0, 1, 0)};
        double[] relevance = {0.9, 0.88, 0.7};

        assertThat(MmrSelector.select(vectors, relevance, 2)).containsExactly(0, 2);
    }

    @Test
    void neverTakesTwoNearDuplicatesEvenWhenAskedForMore() {
        float[][] vectors = {unit(1, 0), unit(1, 0.01f), unit(1, 0.02f)};
        double[] relevance = {0.5, 0.9, 0.6};

        assertThat(MmrSelector.select(vectors, relevance, 3)).containsExactly(1);
    }

    @Test
    void returnsIndicesInOriginalOrderAndBreaksTiesByPosition() {
        float[][] vectors = {unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1)};
        double[] relevance = {0.5, 0.5, 0.9};

        assertThat(MmrSelector.select(vectors, relevance, 2)).containsExactly(0, 2);
    }

    @Test
    void summaryLengthIsAFifthBetweenOneAndSix() {
        assertThat(MmrSelector.summaryLength(1)).isEqualTo(1);
        assertThat(MmrSelector.summaryLength(2)).isEqualTo(1);
        assertThat(MmrSelector.summaryLength(10)).isEqualTo(2);
        assertThat(MmrSelector.summaryLength(23)).isEqualTo(5);
        assertThat(MmrSelector.summaryLength(400)).isEqualTo(6);
    }
}
