package org.attest.redaction.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attest.redaction.PhiType;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the redaction policy ({@code attest.redaction}). A setting that differs from its default is written
 * into the policy version, so two deployments that redact differently never report the same version.
 *
 * @param ageThreshold the oldest age that is not PHI; Safe Harbor says 89, and it may only be lowered (stricter)
 * @param yearlessDates how a numeric month/day without a year ({@code 3/4}) is treated: {@code context} (a date word
 *     must come before it and no dose or score word after it) or {@code always}
 * @param disabledRecognizers names of recognizers switched off (as reported in {@code entities[].detector})
 * @param thresholds the lowest score kept, per category; {@link #DEFAULT_THRESHOLD} where not given
 * @param allow extra terms never redacted, matched whole and case-insensitively (added to the clinical allow list)
 * @param deny terms always redacted, per subtype ({@code HOSPITAL: [Acme Clinic]})
 * @param operators the operator per category: {@code replace} (default), {@code mask} or {@code pseudonym}
 * @param pseudonymKey the HMAC key of pseudonyms (at least 32 characters); a random one per process when not given
 * @param ner whether the NER model behind {@code phi-ner} takes part when it is ready
 */
@Validated
@ConfigurationProperties("attest.redaction")
record RedactionProperties(
        @DefaultValue("89") @Min(0) @Max(89) int ageThreshold,
        @DefaultValue("context") @NotNull YearlessDatePolicy yearlessDates,
        @Nullable Set<String> disabledRecognizers,
        @Nullable Map<PhiType, Double> thresholds,
        @Nullable List<String> allow,
        @Nullable Map<PhiKind, List<String>> deny,
        @Nullable Map<PhiType, OperatorKind> operators,
        @Nullable String pseudonymKey,
        @DefaultValue("true") boolean ner) {

    static final int SAFE_HARBOR_AGE_THRESHOLD = 89;

    /** Presidio's default minimum score; every recognizer's base score is above it. */
    static final double DEFAULT_THRESHOLD = 0.4;

    @ConstructorBinding
    RedactionProperties {
        disabledRecognizers = disabledRecognizers == null ? Set.of() : Set.copyOf(disabledRecognizers);
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        allow = allow == null ? List.of() : List.copyOf(allow);
        deny = deny == null ? Map.of() : Map.copyOf(deny);
        operators = operators == null ? Map.of() : Map.copyOf(operators);
        for (double threshold : thresholds.values()) {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("attest.redaction.thresholds must be in [0,1]");
            }
        }
        if (pseudonymKey != null && pseudonymKey.length() < 32) {
            throw new IllegalArgumentException("attest.redaction.pseudonym-key must have at least 32 characters");
        }
    }

    /** The age and year-less date settings, everything else at its default. */
    RedactionProperties(int ageThreshold, YearlessDatePolicy yearlessDates) {
        this(ageThreshold, yearlessDates, null, null, null, null, null, null, true);
    }

    /** The defaults, for use outside a Spring context. */
    static RedactionProperties defaults() {
        return new RedactionProperties(SAFE_HARBOR_AGE_THRESHOLD, YearlessDatePolicy.CONTEXT);
    }

    /** The threshold of a category. */
    double threshold(PhiType type) {
        return thresholds().getOrDefault(type, DEFAULT_THRESHOLD);
    }
}
