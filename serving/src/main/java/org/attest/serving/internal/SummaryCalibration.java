package org.attest.serving.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The constants of the summarizer that are fitted on the train split of the development data, read from
 * {@code calibration.properties} next to the manifest and written by {@code bench/run summarizer-evaluation --fit}:
 * the summary length rule, the logistic weights of the confidence, and the out-of-distribution reference.
 *
 * @param lengthScale the word budget of a summary is {@code lengthScale * inputWords ^ lengthExponent}...
 * @param lengthExponent ...see {@link #budget(int)}
 * @param minWords ...at least this many words
 * @param maxWords ...and at most this many
 * @param intercept the logistic's intercept
 * @param means each signal's train mean, in the order of {@link ConfidenceSignals#NAMES}
 * @param scales each signal's train standard deviation
 * @param weights each standardized signal's weight
 * @param centroid the unit-length mean document centroid of the train split
 * @param distanceBound beyond this {@link ConfidenceSignals#distance()} a text is out of distribution
 */
record SummaryCalibration(
        double lengthScale,
        double lengthExponent,
        int minWords,
        int maxWords,
        double intercept,
        double[] means,
        double[] scales,
        double[] weights,
        float[] centroid,
        double distanceBound) {

    /** Where the shipped version's calibration is on the class path. */
    static final String SHIPPED = "models/clinical-summarizer-extractive/1/calibration.properties";

    SummaryCalibration {
        int n = ConfidenceSignals.NAMES.size();
        if (means.length != n || scales.length != n || weights.length != n) {
            throw new IllegalArgumentException("a calibration needs a mean, scale and weight for every signal");
        }
    }

    /** The word budget of the summary of a text of {@code inputWords} words. */
    int budget(int inputWords) {
        double budget = lengthScale * Math.pow(Math.max(1, inputWords), lengthExponent);
        return (int) Math.max(minWords, Math.min(maxWords, Math.round(budget)));
    }

    /**
     * A calibration to fit from: a word budget proportional to the input, a confidence of 1/2 for every text, no
     * out-of-distribution reference.
     */
    static SummaryCalibration neutral() {
        int n = ConfidenceSignals.NAMES.size();
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        return new SummaryCalibration(0.3, 1, 5, 400, 0, new double[n], ones, new double[n], new float[0], 2);
    }

    /** The calibration the shipped version was fitted with. */
    static SummaryCalibration shipped() {
        try (InputStream in = SummaryCalibration.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the summarizer's calibration is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the summarizer's calibration cannot be read", e);
        }
    }

    /** Reads the properties form that {@link #format()} writes. */
    static SummaryCalibration parse(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        int n = ConfidenceSignals.NAMES.size();
        double[] means = new double[n];
        double[] scales = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            String name = ConfidenceSignals.NAMES.get(i);
            means[i] = number(p, "confidence." + name + ".mean");
            scales[i] = number(p, "confidence." + name + ".scale");
            weights[i] = number(p, "confidence." + name + ".weight");
        }
        String[] parts = required(p, "ood.centroid").split(",");
        float[] centroid = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            centroid[i] = Float.parseFloat(parts[i].strip());
        }
        return new SummaryCalibration(
                number(p, "length.scale"),
                number(p, "length.exponent"),
                (int) number(p, "length.min-words"),
                (int) number(p, "length.max-words"),
                number(p, "confidence.intercept"),
                means,
                scales,
                weights,
                Vectors.normalized(centroid),
                number(p, "ood.distance-bound"));
    }

    /** The properties form, keys in a fixed order, so that refitting the same data rewrites the same file. */
    String format() {
        StringBuilder out = new StringBuilder();
        out.append(line("length.scale", lengthScale))
                .append(line("length.exponent", lengthExponent))
                .append(line("length.min-words", minWords))
                .append(line("length.max-words", maxWords))
                .append(line("confidence.intercept", intercept));
        for (int i = 0; i < means.length; i++) {
            String name = ConfidenceSignals.NAMES.get(i);
            out.append(line("confidence." + name + ".mean", means[i]))
                    .append(line("confidence." + name + ".scale", scales[i]))
                    .append(line("confidence." + name + ".weight", weights[i]));
        }
        out.append(line("ood.distance-bound", distanceBound));
        String vector = IntStream.range(0, centroid.length)
                .mapToObj(i -> String.format(Locale.ROOT, "%.6f", centroid[i]))
                .collect(Collectors.joining(","));
        return out.append("ood.centroid=").append(vector).append('\n').toString();
    }

    private static String line(String key, double value) {
        return key + "=" + String.format(Locale.ROOT, "%.6f", value) + "\n";
    }

    private static String line(String key, int value) {
        return key + "=" + value + "\n";
    }

    private static String required(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException("calibration lacks '" + key + "'");
        }
        return value;
    }

    private static double number(Properties p, String key) throws IOException {
        try {
            return Double.parseDouble(required(p, key).strip());
        } catch (NumberFormatException e) {
            throw new IOException("calibration key '" + key + "' is not a number", e);
        }
    }
}
