package org.attest.review.internal;

import java.util.List;
import java.util.Map;

/** The review priority of a held prediction: the most urgent rule that held it decides. */
final class Priorities {

    private static final Map<String, Integer> BY_RULE = Map.of(
            ReleaseRule.DegradedModel.NAME, 3,
            ReleaseRule.OutOfScope.NAME, 2,
            ReleaseRule.OutOfDistribution.NAME, 2,
            ReleaseRule.BelowConfidenceThreshold.NAME, 2,
            ReleaseRule.Probation.NAME, 1,
            ReleaseRule.QaSample.NAME, 0);

    private Priorities() {}

    static int of(List<String> rulesFired) {
        return rulesFired.stream()
                .mapToInt(rule -> BY_RULE.getOrDefault(rule, 1))
                .max()
                .orElse(0);
    }
}
