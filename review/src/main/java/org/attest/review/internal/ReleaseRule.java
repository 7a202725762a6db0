package org.attest.review.internal;

import java.util.function.DoubleSupplier;
import org.attest.review.ReleaseCandidate;
import org.jspecify.annotations.Nullable;

/** One named reason to hold a prediction back for a clinician; reported by its name when it fires. */
sealed interface ReleaseRule {

    /** The stable name stored with held predictions and shown to reviewers. */
    String name();

    /** Whether this rule holds the candidate back. */
    boolean holdsBack(ReleaseCandidate candidate);

    /** Whether the rule is consulted only for predictions that every rule before it would release. */
    default boolean onlyWhenNothingElseFired() {
        return false;
    }

    /** A degraded fallback produced the prediction: never release it automatically. */
    record DegradedModel() implements ReleaseRule {

        @Override
        public String name() {
            return "degraded-model";
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

        @Override
        public String name() {
            return "below-confidence-threshold";
        }

        @Override
        public boolean holdsBack(ReleaseCandidate candidate) {
            double threshold = thresholdOverride != null ? thresholdOverride : candidate.modelThreshold();
            return !(candidate.confidence() >= threshold) || threshold >= 1.0;
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

        @Override
        public String name() {
            return "qa-sample";
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
