package org.attest.redaction.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the redaction policy ({@code attest.redaction}). A setting that differs from its default is written
 * into the policy version, so two deployments that redact differently never report the same version.
 *
 * @param ageThreshold the oldest age that is not PHI; Safe Harbor says 89, and it may only be lowered (stricter)
 * @param yearlessDates how a numeric month/day without a year ({@code 3/4}) is treated: {@code context} (a date word
 *     must come before it and no dose or score word after it) or {@code always}
 */
@Validated
@ConfigurationProperties("attest.redaction")
record RedactionProperties(
        @DefaultValue("89") @Min(0) @Max(89) int ageThreshold,
        @DefaultValue("context") @NotNull YearlessDatePolicy yearlessDates) {

    static final int SAFE_HARBOR_AGE_THRESHOLD = 89;

    /** The defaults, for use outside a Spring context. */
    static RedactionProperties defaults() {
        return new RedactionProperties(SAFE_HARBOR_AGE_THRESHOLD, YearlessDatePolicy.CONTEXT);
    }
}
