package org.attest.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.attest.review.ReleaseCandidate;
import org.attest.review.ReleaseDecision;
import org.attest.review.ReleasePolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The release rules, in order: {@code degraded-model}, {@code below-confidence-threshold}, then {@code qa-sample}
 * for what the others would release. A prediction is released only when no rule fires; otherwise every rule that
 * fired is reported.
 */
@Component
class DefaultReleasePolicy implements ReleasePolicy {

    private final List<ReleaseRule> rules;
    private final String version;

    @Autowired
    DefaultReleasePolicy(ReleaseProperties properties) {
        // QA sampling is an oversight control, not a security boundary: a fast thread-local source is enough
        this(properties, () -> ThreadLocalRandom.current().nextDouble());
    }

    DefaultReleasePolicy(ReleaseProperties properties, DoubleSupplier draw) {
        this.rules = List.of(
                new ReleaseRule.DegradedModel(),
                new ReleaseRule.BelowConfidenceThreshold(properties.thresholdOverride()),
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
