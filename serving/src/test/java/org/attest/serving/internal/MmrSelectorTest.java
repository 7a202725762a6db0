package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.serving.internal.MmrSelector.Selection;
import org.junit.jupiter.api.Test;

class MmrSelectorTest {

    private static float[] unit(float... values) {
        return Vectors.normalized(values);
    }

    /** Every unit ten words long: a budget of 10k words asks for k units. */
    private static Selection select(float[][] vectors, double[] relevance, int units) {
        int[] words = new int[vectors.length];
        java.util.Arrays.fill(words, 10);
        return MmrSelector.select(vectors, relevance, words, 10 * units);
    }

    @Test
    void prefersANewPointToARepeatOfTheFirst() {
        float[][] vectors = {unit(1, 0, 0), unit(1, 0.5f, 0), unit(0, 1, 0)};
        double[] relevance = {0.9, 0.88, 0.7};

        assertThat(select(vectors, relevance, 2).indices()).containsExactly(0, 2);
    }

    @Test
    void neverTakesTwoNearDuplicatesEvenWhenAskedForMore() {
        float[][] vectors = {unit(1, 0), unit(1, 0.01f), unit(1, 0.02f)};
        double[] relevance = {0.5, 0.9, 0.6};

        Selection selection = select(vectors, relevance, 3);

        assertThat(selection.indices()).containsExactly(1);
        assertThat(selection.margin()).isZero();
        assertThat(selection.redundancy()).isZero();
    }

    @Test
    void returnsIndicesInOriginalOrderAndBreaksTiesByPosition() {
        float[][] vectors = {unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1)};
        double[] relevance = {0.5, 0.5, 0.9};

        assertThat(select(vectors, relevance, 2).indices()).containsExactly(0, 2);
    }

    @Test
    void takesUnitsUntilTheirWordsReachTheBudgetAndAtLeastOne() {
        float[][] vectors = {unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1)};
        double[] relevance = {0.9, 0.8, 0.7};
        int[] words = {4, 4, 30};

        assertThat(MmrSelector.select(vectors, relevance, words, 6).indices()).containsExactly(0, 1);
        assertThat(MmrSelector.select(vectors, relevance, words, 0).indices()).containsExactly(0);
    }

    @Test
    void theMarginIsTheLastScoreTakenMinusTheBestLeftAndRedundancyTheClosestPair() {
        float[][] vectors = {unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1)};
        double[] relevance = {0.9, 0.8, 0.5};

        Selection selection = select(vectors, relevance, 2);

        assertThat(selection.margin())
                .isCloseTo(MmrSelector.LAMBDA * (0.8 - 0.5), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(selection.redundancy()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
    }
}
