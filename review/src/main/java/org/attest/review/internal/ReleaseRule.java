package org.attest.review.internal;

import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.attest.review.ReleaseCandidate;
import org.jspecify.annotations.Nullable;

/**
 * One named, versioned reason to hold a prediction back for a clinician; reported by its name when it fires. Bump a
 * rule's version (and {@link ReleaseProperties#RULES_VERSION}) when its meaning changes.
 */
sealed interface ReleaseRule {

    /** The stable name stored with held predictions and shown to reviewers. */
    String name();

    /** The version of the rule's meaning. */
    default int version() {
        return 1;
    }

    /** Whether this rule holds the candidate back. */
    boolean holdsBack(ReleaseCandidate candidate);

    /** Whether the rule is consulted only for predictions that every rule before it would release. */
    default boolean onlyWhenNothingElseFired() {
        return false;
    }

    /** A degraded fallback produced the prediction: never release it automatically. */
    record DegradedModel() implements ReleaseRule {

        static final String NAME = "degraded-model";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean holdsBack(ReleaseCandidate candidate) {
            return candidate.degraded();
        }
    }

    /**
     * The confidence is below the threshold in force: the operator's override when set, else the model's own. A
     * threshold of 1 holds everything, even a confidence of exactly 1; a confidence that is not a number is held.
     *
     * @param thresholdOverride the operator's threshold for every model, or null to use each model's threshold
     */
    record BelowConfidenceThreshold(@Nullable Double thresholdOverride) implements ReleaseRule {

        static final String NAME = "below-confidence-threshold";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean holdsBack(ReleaseCandidate candidate) {
            double threshold = thresholdOverride != null ? thresholdOverride : candidate.modelThreshold();
            return !(candidate.confidence() >= threshold) || threshold >= 1.0;
        }
    }

    /**
     * The input is outside the model card's declared scope: shorter or longer than its limits, or in a language it
     * does not list. An unknown language is not held by this rule (the summarizer's own out-of-distribution flag
     * covers text it cannot read).
     */
    record OutOfScope() implements ReleaseRule {

        static final String NAME = "out-of-scope";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean holdsBack(ReleaseCandidate candidate) {
            ReleaseCandidate.CardScope scope = candidate.scope();
            if (scope == null) {
                return false;
            }
            boolean tooShort = scope.minChars() != null && candidate.inputChars() < scope.minChars();
            boolean tooLong = scope.maxChars() != null && candidate.inputChars() > scope.maxChars();
            boolean otherLanguage = !scope.languages().isEmpty()
                    && candidate.language() != null
                    && !scope.languages().contains(candidate.language());
            return tooShort || tooLong || otherLanguage;
        }
    }

    /** The summarizer flagged the input as unlike what it was built for. */
    record OutOfDistribution() implements ReleaseRule {

        static final String NAME = "out-of-distribution";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean holdsBack(ReleaseCandidate candidate) {
            return candidate.outOfDistribution();
        }
    }

    /**
     * The model version is on probation after its promotion: everything it produces is reviewed.
     *
     * @param onProbation whether a {@code name:version} is on probation now
     */
    record Probation(Predicate<String> onProbation) implements ReleaseRule {

        static final String NAME = "probation";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean holdsBack(ReleaseCandidate candidate) {
            return !candidate.modelVersion().isEmpty() && onProbation.test(candidate.modelVersion());
        }
    }

    /**
     * A random share of otherwise released predictions goes to review, so that clinicians keep seeing what the
     * model releases on its own.
     *
     * @param rate the share in [0,1]: 0 never samples, 1 always does
     * @param draw uniform random numbers in [0,1)
     */
    record QaSample(double rate, DoubleSupplier draw) implements ReleaseRule {

        static final String NAME = "qa-sample";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean holdsBack(ReleaseCandidate candidate) {
            return draw.getAsDouble() < rate;
        }

        @Override
        public boolean onlyWhenNothingElseFired() {
            return true;
        }
    }
}
