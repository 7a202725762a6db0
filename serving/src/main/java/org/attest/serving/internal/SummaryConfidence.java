package org.attest.serving.internal;

/**
 * A summary's confidence: a logistic regression on the standardized {@link ConfidenceSignals}, fitted on the train
 * split of the development data to predict that the summary's ROUGE-L reaches the train median, with its
 * coefficients in the {@link SummaryCalibration}:
 *
 * <pre>
 * z          = intercept + sum_i weight_i * (signal_i - mean_i) / scale_i
 * confidence = 1 / (1 + exp(-z)),   at most OUT_OF_DISTRIBUTION_CAP when distance > distance-bound
 * </pre>
 *
 * <p>The cap exists because a logistic fitted on in-distribution data says nothing reliable about text unlike it
 * (an off-topic letter, garbled characters): such text is sent to review whatever the weights say.
 */
final class SummaryConfidence {

    /** The highest confidence a text beyond the out-of-distribution bound can get. */
    static final double OUT_OF_DISTRIBUTION_CAP = 0.05;

    private final SummaryCalibration calibration;

    SummaryConfidence(SummaryCalibration calibration) {
        this.calibration = calibration;
    }

    /** Whether a text with these signals lies beyond the fitted out-of-distribution bound. */
    boolean outOfDistribution(ConfidenceSignals signals) {
        return signals.distance() > calibration.distanceBound();
    }

    /** The confidence, in [0,1]. */
    double of(ConfidenceSignals signals) {
        double probability = 1 / (1 + Math.exp(-score(signals)));
        return outOfDistribution(signals) ? Math.min(probability, OUT_OF_DISTRIBUTION_CAP) : probability;
    }

    /** The logistic's argument, before the cap. */
    double score(ConfidenceSignals signals) {
        double[] x = signals.values();
        double z = calibration.intercept();
        for (int i = 0; i < x.length; i++) {
            double scale = calibration.scales()[i] > 0 ? calibration.scales()[i] : 1;
            z += calibration.weights()[i] * (x[i] - calibration.means()[i]) / scale;
        }
        return z;
    }
}
