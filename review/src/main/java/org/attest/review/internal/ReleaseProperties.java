package org.attest.review.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Operator settings of the release policy ({@code attest.release}). Any setting away from its default is an
 * override: it is written into the policy version, logged and audited at startup.
 *
 * @param thresholdOverride a confidence threshold for every model instead of each model's own; 1.0 holds everything
 *     (incident mode), 0.0 releases everything the other rules let through (shadow evaluation); unset by default
 * @param qaSampleRate the share of would-be-released predictions sent to review for quality assurance
 */
@Validated
@ConfigurationProperties("attest.release")
record ReleaseProperties(
        @Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double thresholdOverride,

        @DefaultValue("0.05") @DecimalMin("0.0") @DecimalMax("1.0")
        double qaSampleRate) {

    static final double DEFAULT_QA_SAMPLE_RATE = 0.05;

    /** Version of the rules themselves (2: out-of-scope, out-of-distribution, probation); bump it when a rule changes. */
    static final String RULES_VERSION = "release-policy/2";

    /** The defaults, for use outside a Spring context. */
    static ReleaseProperties defaults() {
        return new ReleaseProperties(null, DEFAULT_QA_SAMPLE_RATE);
    }

    /** The settings away from their defaults as PHI-free {@code key=value} texts, in a fixed order; empty if none. */
    List<String> overrides() {
        List<String> overrides = new ArrayList<>(2);
        if (thresholdOverride != null) {
            overrides.add("threshold-override=" + thresholdOverride);
        }
        if (Double.compare(qaSampleRate, DEFAULT_QA_SAMPLE_RATE) != 0) {
            overrides.add("qa-sample-rate=" + qaSampleRate);
        }
        return List.copyOf(overrides);
    }

    /** {@link #RULES_VERSION}, followed by {@code ;key=value} for every override, so that overridden runs differ. */
    String policyVersion() {
        List<String> parts = new ArrayList<>(overrides());
        parts.addFirst(RULES_VERSION);
        return String.join(";", parts);
    }
}
