package org.attest.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.attest.review.ReleaseCandidate;
import org.attest.review.ReleaseDecision;
import org.attest.review.ReleasePolicy;
import org.attest.review.ReleaseProbations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The release rules, in order: {@code degraded-model}, {@code below-confidence-threshold}, {@code out-of-scope},
 * {@code out-of-distribution}, {@code probation}, then {@code qa-sample} for what the others would release. A
 * prediction is released only when no rule fires; otherwise every rule that fired is reported.
 */
@Component
class DefaultReleasePolicy implements ReleasePolicy {

    private final List<ReleaseRule> rules;
    private final String version;

    @Autowired
    DefaultReleasePolicy(ReleaseProperties properties, ReleaseProbations probations) {
        // QA sampling is an oversight control, not a security boundary: a fast thread-local source is enough
        this(properties, () -> ThreadLocalRandom.current().nextDouble(), probations::onProbation);
    }

    DefaultReleasePolicy(ReleaseProperties properties, DoubleSupplier draw) {
        this(properties, draw, modelVersion -> false);
    }

    DefaultReleasePolicy(ReleaseProperties properties, DoubleSupplier draw, Predicate<String> onProbation) {
        this.rules = List.of(
                new ReleaseRule.DegradedModel(),
                new ReleaseRule.BelowConfidenceThreshold(properties.thresholdOverride()),
                new ReleaseRule.OutOfScope(),
                new ReleaseRule.OutOfDistribution(),
                new ReleaseRule.Probation(onProbation),
                new ReleaseRule.QaSample(properties.qaSampleRate(), draw));
        this.version = properties.policyVersion();
    }

    @Override
    public ReleaseDecision decide(ReleaseCandidate candidate) {
        List<String> fired = new ArrayList<>(rules.size());
        for (ReleaseRule rule : rules) {
            if (rule.onlyWhenNothingElseFired() && !fired.isEmpty()) {
                continue;
            }
            if (rule.holdsBack(candidate)) {
                fired.add(rule.name());
            }
        }
        return new ReleaseDecision(fired, version);
    }

    /** The rules in the order they are consulted. */
    List<ReleaseRule> rules() {
        return rules;
    }
}
