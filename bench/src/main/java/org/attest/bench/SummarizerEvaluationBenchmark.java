package org.attest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.attest.bench.DevelopmentData.Example;
import org.attest.bench.DevelopmentData.Splits;
import org.attest.serving.internal.SummarizerBenchRig;
import org.attest.serving.internal.SummarizerBenchRig.Summary;

/**
 * The default summarizer on the development data: ROUGE-1/2/L (MEDIQA style, see {@link Rouge}) on the dev split of
 * MTS-Dialog against two baselines (the first 50 words; the first 3 units), Spearman's rho between confidence and
 * ROUGE-L, the coverage table of auto-releasing the most confident X %, and latency; then the same on ACI-Bench.
 *
 * <p>Usage: {@code bench/run summarizer-evaluation [--data ../shared/data] [--fit] [--no-aci] [--embedding-cache FILE]}. {@code --fit} first
 * refits the length rule and the confidence on the train split ({@link SummarizerFitting}) and rewrites
 * {@value #CALIBRATION}; without it the shipped calibration is evaluated. Latency is measured on the first pass over
 * dev, when no dev unit has been encoded yet; unit embeddings are cached in memory after that.
 * {@code --embedding-cache FILE} keeps them in a file between runs (for repeated fitting; the latency is then not a
 * cold-start latency).
 */
public final class SummarizerEvaluationBenchmark {

    static final String CALIBRATION =
            "serving/src/main/resources/models/clinical-summarizer-extractive/1/calibration.properties";
    static final int[] COVERAGES = {25, 50, 75, 100};
    static final int BASELINE_WORDS = 50;
    static final int LEAD_UNITS = 3;

    private SummarizerEvaluationBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        int data = options.indexOf("--data");
        Splits splits = DevelopmentData.load(Path.of(data >= 0 ? options.get(data + 1) : "../shared/data"));
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, Java %s, CPU; MTS-Dialog train %d / dev %d (seed %d), ACI-Bench %d%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                splits.train().size(),
                splits.dev().size(),
                DevelopmentData.SPLIT_SEED,
                splits.aci().size());
        try (SummarizerBenchRig rig = SummarizerBenchRig.open()) {
            int cache = options.indexOf("--embedding-cache");
            if (cache >= 0) {
                rig.loadCache(Path.of(options.get(cache + 1)));
            }
            if (options.contains("--fit")) {
                String calibration = new SummarizerFitting(rig, splits.train()).fit();
                Files.writeString(Path.of(CALIBRATION), header() + calibration);
                System.out.println("wrote " + CALIBRATION);
            }
            Scored dev = Scored.of(rig, splits.dev());
            report("MTS-Dialog dev", dev);
            atThreshold(rig.threshold(), dev);
            if (!options.contains("--no-aci") && !splits.aci().isEmpty()) {
                report("ACI-Bench (all 67, out of split)", Scored.of(rig, splits.aci()));
            }
            if (cache >= 0) {
                rig.saveCache(Path.of(options.get(cache + 1)));
            }
        }
    }

    private static String header() {
        return """
                # Fitted on the MTS-Dialog train split (seed %d) by: bench/run summarizer-evaluation --fit
                # Do not edit by hand; see model-cards/clinical-summarizer-extractive/1.md for what each key means.
                """.formatted(DevelopmentData.SPLIT_SEED);
    }

    /** Every example's scores. */
    record Scored(
            double[][] summarizer,
            double[][] first50,
            double[][] first50Untagged,
            double[][] lead3,
            double[] confidence,
            int ood,
            long[] nanos) {

        static Scored of(SummarizerBenchRig rig, List<Example> examples) throws Exception {
            int n = examples.size();
            double[][][] rouge = new double[4][n][];
            double[] confidence = new double[n];
            long[] nanos = new long[n];
            int ood = 0;
            for (int i = 0; i < n; i++) {
                Example example = examples.get(i);
                long started = System.nanoTime();
                Summary summary = rig.summarize(example.input());
                nanos[i] = System.nanoTime() - started;
                rouge[0][i] = rouge(example.reference(), summary.text());
                rouge[1][i] = rouge(example.reference(), firstWords(example.input(), BASELINE_WORDS));
                rouge[2][i] = rouge(example.reference(), firstWords(untagged(example.input()), BASELINE_WORDS));
                rouge[3][i] = rouge(example.reference(), SummarizerBenchRig.lead(example.input(), LEAD_UNITS));
                confidence[i] = summary.confidence();
                ood += summary.outOfDistribution() ? 1 : 0;
            }
            return new Scored(rouge[0], rouge[1], rouge[2], rouge[3], confidence, ood, nanos);
        }

        double[] rougeL() {
            return Arrays.stream(summarizer).mapToDouble(r -> r[2]).toArray();
        }
    }

    static double[] rouge(String reference, String candidate) {
        return new double[] {
            Rouge.n(1, reference, candidate).f1(),
            Rouge.n(2, reference, candidate).f1(),
            Rouge.l(reference, candidate).f1()
        };
    }

    /** The first {@code n} white-space separated words of a text. */
    static String firstWords(String text, int n) {
        List<String> words = Arrays.asList(text.strip().split("\\s+"));
        return String.join(" ", words.subList(0, Math.min(n, words.size())));
    }

    /** The text without the speaker tags that open its lines ({@code Doctor:}, {@code [patient]}). */
    static String untagged(String text) {
        return text.replaceAll("(?m)^\\s*(?:\\[[A-Za-z_ ]+]|[A-Za-z_ ]{1,30}:)\\s*", "");
    }

    private static void report(String title, Scored scored) {
        System.out.printf(Locale.ROOT, "%n== %s: %d examples ==%n", title, scored.confidence().length);
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s%n", "", "ROUGE-1", "ROUGE-2", "ROUGE-L");
        row("summarizer", scored.summarizer());
        row("baseline: first 50 words", scored.first50());
        row("  the same, tags removed", scored.first50Untagged());
        row("baseline: lead-3 units", scored.lead3());
        double first50 =
                Arrays.stream(scored.first50()).mapToDouble(r -> r[2]).average().orElse(0);
        double[] rougeL = scored.rougeL();
        System.out.printf(
                Locale.ROOT,
                "ROUGE-L ratio to first-50-words: %.2f (target >= 1.4)%n",
                Statistics.mean(rougeL) / first50);
        System.out.printf(
                Locale.ROOT,
                "Spearman(confidence, ROUGE-L): %.3f (target >= 0.3); out of distribution: %d%n",
                Statistics.spearman(scored.confidence(), rougeL),
                scored.ood());
        coverage(scored.confidence(), rougeL);
        double[] millis =
                Arrays.stream(scored.nanos()).mapToDouble(t -> t / 1e6).toArray();
        System.out.printf(
                Locale.ROOT,
                "latency per summary (first pass, cold cache): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                Statistics.percentile(millis, 50),
                Statistics.percentile(millis, 95),
                Statistics.percentile(millis, 100));
    }

    /** What the manifest's threshold does on dev: the share released and the mean ROUGE-L on each side. */
    private static void atThreshold(double threshold, Scored scored) {
        double[] rougeL = scored.rougeL();
        double[] released = IntStream.range(0, rougeL.length)
                .filter(i -> scored.confidence()[i] >= threshold)
                .mapToDouble(i -> rougeL[i])
                .toArray();
        double[] held = IntStream.range(0, rougeL.length)
                .filter(i -> scored.confidence()[i] < threshold)
                .mapToDouble(i -> rougeL[i])
                .toArray();
        System.out.printf(
                Locale.ROOT,
                "manifest threshold %.2f: releases %.0f %% of dev (mean ROUGE-L %.4f), sends %.0f %% to review (%.4f)%n",
                threshold,
                100.0 * released.length / rougeL.length,
                Statistics.mean(released),
                100.0 * held.length / rougeL.length,
                Statistics.mean(held));
    }

    private static void row(String name, double[][] scores) {
        System.out.printf(
                Locale.ROOT,
                "%-28s %8.4f %8.4f %8.4f%n",
                name,
                Arrays.stream(scores).mapToDouble(r -> r[0]).average().orElse(0),
                Arrays.stream(scores).mapToDouble(r -> r[1]).average().orElse(0),
                Arrays.stream(scores).mapToDouble(r -> r[2]).average().orElse(0));
    }

    /** Auto-release the X % most confident: their mean ROUGE-L against the rest's, and the threshold that does it. */
    private static void coverage(double[] confidence, double[] rougeL) {
        Integer[] order = IntStream.range(0, confidence.length).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order, Comparator.comparingDouble((Integer i) -> -confidence[i]).thenComparingInt(i -> i));
        System.out.printf(
                Locale.ROOT, "%-10s %10s %16s %16s%n", "released", "threshold", "ROUGE-L released", "ROUGE-L review");
        for (int x : COVERAGES) {
            int released = (int) Math.round(order.length * x / 100.0);
            double[] top = IntStream.range(0, released)
                    .mapToDouble(k -> rougeL[order[k]])
                    .toArray();
            double[] rest = IntStream.range(released, order.length)
                    .mapToDouble(k -> rougeL[order[k]])
                    .toArray();
            System.out.printf(
                    Locale.ROOT,
                    "top %3d %%  %10.4f %16.4f %16s%n",
                    x,
                    released == 0 ? 1 : confidence[order[released - 1]],
                    Statistics.mean(top),
                    rest.length == 0 ? "-" : String.format(Locale.ROOT, "%.4f", Statistics.mean(rest)));
        }
    }
}
