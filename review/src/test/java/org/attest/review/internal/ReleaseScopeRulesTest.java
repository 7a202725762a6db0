package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.attest.review.ReleaseCandidate;
import org.attest.review.ReleaseCandidate.CardScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules that read the card's scope, the summarizer's out-of-distribution flag and probation, each alone. */
class ReleaseScopeRulesTest {

    static final CardScope SCOPE = new CardScope(200, 20_000, List.of("en"));

    @ParameterizedTest(name = "{0} chars in {1} -> held {2}")
    @CsvSource(
            nullValues = "unknown",
            value = {
                "199, en, true",
                "200, en, false",
                "20000, en, false",
                "20001, en, true",
                "5000, de, true",
                "5000, unknown, false",
            })
    void outOfScopeHoldsInputsOutsideTheCardsLengthAndLanguageLimits(int chars, String language, boolean held) {
        ReleaseRule rule = new ReleaseRule.OutOfScope();

        assertThat(rule.name()).isEqualTo("out-of-scope");
        assertThat(rule.version()).isEqualTo(1);
        assertThat(rule.holdsBack(candidate(chars, language, false, SCOPE))).isEqualTo(held);
    }

    @Test
    void outOfScopeHoldsNothingWhenTheCardDeclaresNoScopeOrNoLimit() {
        ReleaseRule rule = new ReleaseRule.OutOfScope();

        assertThat(rule.holdsBack(candidate(1, "xx", false, null))).isFalse();
        assertThat(rule.holdsBack(candidate(1, "xx", false, new CardScope(null, null, List.of()))))
                .isFalse();
        assertThat(rule.holdsBack(candidate(1, "en", false, new CardScope(null, 10, List.of("en")))))
                .isFalse();
        assertThat(rule.holdsBack(candidate(11, "en", false, new CardScope(null, 10, List.of()))))
                .isTrue();
    }

    @Test
    void outOfDistributionHoldsWhatTheSummarizerFlagged() {
        ReleaseRule rule = new ReleaseRule.OutOfDistribution();

        assertThat(rule.name()).isEqualTo("out-of-distribution");
        assertThat(rule.holdsBack(candidate(500, "en", true, SCOPE))).isTrue();
        assertThat(rule.holdsBack(candidate(500, "en", false, SCOPE))).isFalse();
    }

    @Test
    void probationHoldsEverythingOfAVersionOnProbationAndNothingElse() {
        ReleaseRule rule = new ReleaseRule.Probation(Set.of("summarizer:2")::contains);

        assertThat(rule.name()).isEqualTo("probation");
        assertThat(rule.holdsBack(new ReleaseCandidate(0.99, 0.5, false, "summarizer:2", 500, "en", false, null)))
                .isTrue();
        assertThat(rule.holdsBack(new ReleaseCandidate(0.99, 0.5, false, "summarizer:1", 500, "en", false, null)))
                .isFalse();
        assertThat(rule.holdsBack(new ReleaseCandidate(0.99, 0.5, false))).isFalse();
    }

    @Test
    void thePolicyReportsTheScopeRulesByNameBeforeQaSampling() {
        DefaultReleasePolicy policy =
                new DefaultReleasePolicy(ReleaseProperties.defaults(), () -> 0.0, Set.of("summarizer:2")::contains);

        assertThat(policy.decide(new ReleaseCandidate(0.99, 0.5, false, "summarizer:2", 10, "de", true, SCOPE))
                        .rulesFired())
                .containsExactly("out-of-scope", "out-of-distribution", "probation");
        assertThat(policy.decide(new ReleaseCandidate(0.99, 0.5, false, "summarizer:1", 500, "en", false, SCOPE))
                        .rulesFired())
                .containsExactly("qa-sample");
    }

    private static ReleaseCandidate candidate(int chars, String language, boolean ood, CardScope scope) {
        return new ReleaseCandidate(0.99, 0.5, false, "summarizer:1", chars, language, ood, scope);
    }
}
