package org.attest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed cases: each expected value is worked out in the comment above it. */
class RougeTest {

    @Test
    void tokensAreLowerCaseRunsOfAsciiLettersAndDigitsWithoutStemming() {
        assertThat(Rouge.tokens("The patient's BP: 120/80, walking."))
                .containsExactly("the", "patient", "s", "bp", "120", "80", "walking");
        assertThat(Rouge.tokens(" -- ")).isEmpty();
    }

    @Test
    void rouge1CountsClippedUnigramOverlap() {
        // reference: the cat sat on the mat (6); candidate: the the cat (3)
        // overlap: the min(2,2)=2 + cat 1 = 3 → P 3/3, R 3/6, F 2*1*0.5/1.5 = 0.6667
        Rouge.Score score = Rouge.n(1, "The cat sat on the mat.", "the the cat");

        assertThat(score.precision()).isCloseTo(1.0, within(1e-9));
        assertThat(score.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(score.f1()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void rouge2CountsBigrams() {
        // reference bigrams: the-cat cat-sat sat-on on-the the-mat (5); candidate: the-cat cat-on on-the the-mat (4)
        // overlap 3 → P 3/4, R 3/5, F = 2*0.75*0.6/1.35 = 0.6667
        Rouge.Score score = Rouge.n(2, "the cat sat on the mat", "the cat on the mat");

        assertThat(score.precision()).isCloseTo(0.75, within(1e-9));
        assertThat(score.recall()).isCloseTo(0.6, within(1e-9));
        assertThat(score.f1()).isCloseTo(2 * 0.75 * 0.6 / 1.35, within(1e-9));
    }

    @Test
    void rougeLUsesTheLongestCommonSubsequence() {
        // reference: police killed the gunman (4); candidate: the gunman police killed (4)
        // LCS = "police killed" or "the gunman" = 2 → P = R = F = 0.5
        assertThat(Rouge.l("police killed the gunman", "the gunman police killed")
                        .f1())
                .isCloseTo(0.5, within(1e-9));
        // reference: a b c d e (5); candidate: a x c e (4); LCS a c e = 3 → P 3/4, R 3/5, F 0.6667
        assertThat(Rouge.l("a b c d e", "A, x; c. e!").f1()).isCloseTo(2 * 0.75 * 0.6 / 1.35, within(1e-9));
    }

    @Test
    void identicalTextsScoreOneAndDisjointOrEmptyOnesZero() {
        assertThat(Rouge.l("No known drug allergies.", "no known drug allergies")
                        .f1())
                .isCloseTo(1.0, within(1e-9));
        assertThat(Rouge.n(1, "fever", "cough").f1()).isZero();
        assertThat(Rouge.n(2, "fever", "fever").f1()).isZero();
        assertThat(Rouge.l("", "cough").f1()).isZero();
    }
}
