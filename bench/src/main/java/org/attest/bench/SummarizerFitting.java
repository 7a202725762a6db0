package org.attest.bench;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.attest.bench.DevelopmentData.Example;
import org.attest.serving.internal.SummarizerBenchRig;
import org.attest.serving.internal.SummarizerBenchRig.Fit;
import org.attest.serving.internal.SummarizerBenchRig.Summary;

/**
 * Fits the summarizer's {@code calibration.properties} on the train split, in three steps: (1) the length rule
 * {@code budget = scale * words ^ exponent}, by grid search for the best mean ROUGE-L; (2) the out-of-distribution
 * reference, the mean document centroid of the train texts, and its bound, the largest distance of a train text
 * to it (so no development text is flagged; off-topic and garbled texts lie well beyond); (3) the confidence, a logistic regression of "ROUGE-L at least the train
 * median" on the standardized signals.
 */
final class SummarizerFitting {

    static final int MIN_WORDS = 5;
    static final int MAX_WORDS = 400;
    static final double DISTANCE_PERCENTILE = 100;
    static final double L2 = 1.0;
    static final double[] EXPONENTS = {0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2};

    /** Budgets for a text of 64 words (the MTS median): the scale of each grid point follows from it. */
    static final double[] BUDGETS_AT_64 = {8, 10, 12, 15, 18, 22, 27, 33, 40};

    private final SummarizerBenchRig rig;
    private final List<Example> train;

    SummarizerFitting(SummarizerBenchRig rig, List<Example> train) {
        this.rig = rig;
        this.train = train;
    }

    /** Fits, makes the fit the rig's calibration, and returns the calibration file's text. */
    String fit() throws OrtException {
        int n = SummarizerBenchRig.signalNames().size();
        double[] zeros = new double[n];
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        float[] centroid = trainCentroid();
        double[] length = lengthRule();
        rig.calibrate(new Fit(length[0], length[1], MIN_WORDS, MAX_WORDS, 0, zeros, zeros, ones, centroid, 2));
        double[] rougeL = new double[train.size()];
        double[][] signals = signals(rougeL);
        double median = Statistics.percentile(rougeL, 50);
        double[] means = new double[n];
        double[] scales = new double[n];
        double[][] standardized = standardize(signals, means, scales);
        boolean[] good = new boolean[rougeL.length];
        for (int i = 0; i < good.length; i++) {
            good[i] = rougeL[i] >= median;
        }
        LogisticRegression model = LogisticRegression.fit(standardized, good, L2);
        double[] distances =
                Arrays.stream(signals).mapToDouble(row -> row[n - 1]).toArray();
        double bound = Statistics.percentile(distances, DISTANCE_PERCENTILE);
        Fit fit = new Fit(
                length[0],
                length[1],
                MIN_WORDS,
                MAX_WORDS,
                model.intercept(),
                means,
                scales,
                model.weights(),
                centroid,
                bound);
        print(fit, median);
        return rig.calibrate(fit);
    }

    /** Each train text's signals under the current calibration; fills in each summary's ROUGE-L. */
    private double[][] signals(double[] rougeL) throws OrtException {
        double[][] signals = new double[train.size()][];
        for (int i = 0; i < train.size(); i++) {
            Summary summary = rig.summarize(train.get(i).input());
            signals[i] = summary.signals();
            rougeL[i] = Rouge.l(train.get(i).reference(), summary.text()).f1();
        }
        return signals;
    }

    private static void print(Fit fit, double median) {
        System.out.printf(
                Locale.ROOT,
                "fit: length budget = %.4f * words^%.2f in [%d, %d]; label ROUGE-L >= %.4f (train median);"
                        + " distance bound %.4f (p%.0f)%n",
                fit.lengthScale(),
                fit.lengthExponent(),
                fit.minWords(),
                fit.maxWords(),
                median,
                fit.distanceBound(),
                DISTANCE_PERCENTILE);
        for (int i = 0; i < fit.weights().length; i++) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-16s mean %8.4f  sd %7.4f  weight %+7.3f%n",
                    SummarizerBenchRig.signalNames().get(i),
                    fit.means()[i],
                    fit.scales()[i],
                    fit.weights()[i]);
        }
        System.out.printf(Locale.ROOT, "  intercept %+7.3f%n", fit.intercept());
    }

    private float[] trainCentroid() throws OrtException {
        float[] sum = null;
        for (Example example : train) {
            float[] centroid = rig.documentCentroid(example.input());
            if (sum == null) {
                sum = new float[centroid.length];
            }
            for (int d = 0; d < centroid.length; d++) {
                sum[d] += centroid[d];
            }
        }
        return SummarizerBenchRig.normalized(sum);
    }

    /** The grid point with the best mean ROUGE-L on train: {scale, exponent}. */
    private double[] lengthRule() {
        int[] words = train.stream()
                .mapToInt(e -> SummarizerBenchRig.inputWords(e.input()))
                .toArray();
        List<double[]> grid = new ArrayList<>();
        for (double exponent : EXPONENTS) {
            for (double at64 : BUDGETS_AT_64) {
                grid.add(new double[] {at64 / Math.pow(64, exponent), exponent});
            }
        }
        double[] best = grid.getFirst();
        double bestScore = -1;
        for (double[] point : grid) {
            double score = IntStream.range(0, train.size())
                    .parallel()
                    .mapToDouble(i -> rougeL(i, budget(point, words[i])))
                    .average()
                    .orElse(0);
            if (score > bestScore) {
                bestScore = score;
                best = point;
            }
        }
        System.out.printf(Locale.ROOT, "fit: best length rule gives train ROUGE-L %.4f%n", bestScore);
        return best;
    }

    private static int budget(double[] point, int words) {
        double budget = point[0] * Math.pow(Math.max(1, words), point[1]);
        return (int) Math.max(MIN_WORDS, Math.min(MAX_WORDS, Math.round(budget)));
    }

    private double rougeL(int i, int budget) {
        try {
            return Rouge.l(
                            train.get(i).reference(),
                            rig.summarize(train.get(i).input(), budget).text())
                    .f1();
        } catch (OrtException e) {
            throw new IllegalStateException("the encoder failed during the length fit", e);
        }
    }

    private static double[][] standardize(double[][] x, double[] means, double[] scales) {
        int n = means.length;
        for (int j = 0; j < n; j++) {
            final int column = j;
            double[] values =
                    IntStream.range(0, x.length).mapToDouble(i -> x[i][column]).toArray();
            means[j] = Statistics.mean(values);
            double variance = IntStream.range(0, x.length)
                    .mapToDouble(i -> Math.pow(x[i][column] - means[column], 2))
                    .average()
                    .orElse(0);
            scales[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        double[][] standardized = new double[x.length][n];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < n; j++) {
                standardized[i][j] = (x[i][j] - means[j]) / scales[j];
            }
        }
        return standardized;
    }
}
