package org.attest.review.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the review queue ({@code attest.review}).
 *
 * @param lease how long a claim holds an item before it returns to PENDING
 * @param probation how a newly promoted model version leaves 100 % review
 * @param rejectionWarningRate a model version whose rejection rate is above this raises the warning metric
 * @param rejectionWarningMinDecisions decisions a version needs before its rejection rate can warn
 * @param leaseSweepInterval how often lapsed claims are returned to PENDING with their audit event (a claim also
 *     returns the lapsed ones first)
 */
@Validated
@ConfigurationProperties("attest.review")
record ReviewProperties(
        @DefaultValue("10m") Duration lease,
        @DefaultValue @Valid Probation probation,

        @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0")
        double rejectionWarningRate,

        @DefaultValue("10") @Min(1) int rejectionWarningMinDecisions,
        @DefaultValue("30s") Duration leaseSweepInterval) {

    ReviewProperties {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("attest.review.lease must be positive");
        }
        if (leaseSweepInterval.isNegative() || leaseSweepInterval.isZero()) {
            throw new IllegalArgumentException("attest.review.lease-sweep-interval must be positive");
        }
    }

    static ReviewProperties defaults() {
        return new ReviewProperties(Duration.ofMinutes(10), Probation.defaults(), 0.2, 10, Duration.ofSeconds(30));
    }

    /**
     * Probation of a newly promoted model version.
     *
     * @param windowItems N: agreement is measured on the version's last N decided items
     * @param requiredAgreement the share of those approved unedited that ends the probation
     * @param refreshInterval how often each replica reloads the versions on probation (the release path reads them
     *     from memory, never from the database)
     */
    record Probation(
            @DefaultValue("20") @Min(1) int windowItems,

            @DefaultValue("0.9") @DecimalMin("0.0") @DecimalMax("1.0")
            double requiredAgreement,

            @DefaultValue("2s") Duration refreshInterval) {

        static Probation defaults() {
            return new Probation(20, 0.9, Duration.ofSeconds(2));
        }
    }
}
