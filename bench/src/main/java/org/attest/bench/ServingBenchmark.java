package org.attest.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.attest.bench.Throughput.Rate;
import org.attest.serving.internal.ServingBenchRig;

/**
 * What the serving engine keeps of what the hardware gives, on the shipped MiniLM and the same sentences in one run:
 *
 * <ol type="a">
 *   <li>raw ONNX Runtime sentences embedded per second ({@link RawOnnx}: tokenize, pad, run; no engine, no HTTP) at
 *       each batch size of {@code --batches}, one caller, each batch neighbours in length order (least padding);
 *   <li>the engine's sentence encoder ({@link ServingBenchRig}: tokenizer, micro-batcher, pooling, meters) at 1 and
 *       {@code --callers} concurrent callers of one sentence each, batching off and on;
 *   <li>{@code POST /v1/summaries} through HTTP on the application started in-process ({@link InProcessApplication}:
 *       real token, redaction, audit on PostgreSQL), {@code --http-callers} callers posting ACI-Bench notes, as
 *       requests/s and as sentences embedded/s (the application's own batch-size meter).
 * </ol>
 *
 * <p>The sentences are the summarizer's units of the ACI-Bench notes, so (a), (b) and (c) embed the same text. Every
 * configuration runs once per round, rounds interleaved ({@code --rounds}), and medians with their range are printed.
 *
 * <p>Usage: {@code bench/run serving [--rounds 3] [--seconds 4] [--warmup 1] [--batches 1,2,4,8,16,32,64]
 * [--callers 16] [--http-callers 16] [--device auto] [--instances 0 (one per core)] [--intra-op-threads 1] [--spinning false] [--data ../shared/data/aci-bench/train.csv]}.
 */
public final class ServingBenchmark {

    private static final int API_TEXT_CAP = 20_000;
    private static final long SEED = 20_261_203L;

    private ServingBenchmark() {}

    /** The command line, with its defaults. */
    private record Options(
            int rounds,
            Duration window,
            Duration warmup,
            int[] batches,
            int callers,
            int httpCallers,
            String device,
            int instances,
            int intraOpThreads,
            boolean spinning,
            Path data) {

        static Options parse(String[] args) {
            return new Options(
                    Throughput.option(args, "--rounds", 3),
                    Duration.ofSeconds(Throughput.option(args, "--seconds", 4)),
                    Duration.ofSeconds(Throughput.option(args, "--warmup", 1)),
                    Arrays.stream(Throughput.option(args, "--batches", "1,2,4,8,16,32,64")
                                    .split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray(),
                    Throughput.option(args, "--callers", 16),
                    Throughput.option(args, "--http-callers", 16),
                    Throughput.option(args, "--device", "auto"),
                    // the application's defaults: an instance per core, each model call on one core, no spinning
                    Throughput.option(args, "--instances", 0),
                    Throughput.option(args, "--intra-op-threads", 1),
                    Boolean.parseBoolean(Throughput.option(args, "--spinning", "false")),
                    Path.of(Throughput.option(args, "--data", AciBenchNotes.DEFAULT.toString())));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<String> notes = new ArrayList<>(AciBenchNotes.read(options.data()).stream()
                .filter(note -> note.length() <= API_TEXT_CAP)
                .toList());
        Collections.shuffle(notes, new Random(SEED));
        List<String> corpus =
                notes.stream().flatMap(n -> ServingBenchRig.units(n).stream()).toList();
        // every configuration draws from the same seeded shuffle, so a short window samples the whole corpus
        List<String> sentences = new ArrayList<>(corpus);
        Collections.shuffle(sentences, new Random(SEED));
        Map<String, List<Double>> results = new LinkedHashMap<>();
        String device = options.device();
        int instances = options.instances() == 0 ? Runtime.getRuntime().availableProcessors() : options.instances();
        int threads = options.intraOpThreads();
        boolean spinning = options.spinning();
        try (ServingBenchRig off =
                        ServingBenchRig.open(device, false, 32, Duration.ZERO, instances, threads, spinning);
                ServingBenchRig on =
                        ServingBenchRig.open(device, true, 32, Duration.ZERO, instances, threads, spinning);
                RawOnnx raw = new RawOnnx("cuda".equals(on.device()));
                RawOnnx rawSingleThreaded = new RawOnnx("cuda".equals(on.device()), 1);
                InProcessApplication app = new InProcessApplication(Map.of(
                        "attest.serving.device", device,
                        "attest.serving.batching.instances", Integer.toString(instances),
                        "attest.serving.intra-op-threads", Integer.toString(threads),
                        "attest.serving.spinning", Boolean.toString(spinning)))) {
            printMachine(raw, on, notes, sentences);
            System.out.printf(
                    Locale.ROOT,
                    "engine and application: %d batch instance(s), intra-op threads %s, spinning %s; raw ORT: its default"
                            + " thread pool, and single-threaded with a caller per core%n",
                    instances,
                    threads == 0 ? "ORT default" : Integer.toString(threads),
                    spinning);
            for (int round = 1; round <= options.rounds(); round++) {
                System.out.printf(Locale.ROOT, "round %d of %d%n", round, options.rounds());
                Run run = new Run(results, options.warmup(), options.window(), sentences);
                for (int batch : options.batches()) {
                    run.raw(raw, batch);
                }
                if (!"cuda".equals(on.device())) {
                    // raw ORT's other way to use the cores: one caller per core, each single-threaded
                    int cores = Runtime.getRuntime().availableProcessors();
                    for (int batch : options.batches()) {
                        run.raw(rawSingleThreaded, batch, cores);
                    }
                }
                for (ServingBenchRig rig : List.of(off, on)) {
                    for (int n : new int[] {1, options.callers()}) {
                        run.engine(rig, rig == on ? "on" : "off", n);
                    }
                }
                run.http(app, notes, options.httpCallers());
            }
        }
        report(results, options.batches(), options.callers(), options.httpCallers());
    }

    private static void printMachine(RawOnnx raw, ServingBenchRig rig, List<String> notes, List<String> sentences) {
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, Java %s, ONNX Runtime %s, device %s; %d notes, %d sentences%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                raw.version(),
                rig.device(),
                notes.size(),
                sentences.size());
    }

    /** One round's measurements, each recorded under its name. */
    private record Run(Map<String, List<Double>> results, Duration warmup, Duration window, List<String> sentences) {

        void raw(RawOnnx raw, int batch) throws Exception {
            List<List<String>> batches = lengthOrderedBatches(sentences, batch);
            Rate rate = Throughput.measure(
                    1, warmup, window, (c, call) -> raw.embed(batches.get((int) (call % batches.size()))), () -> 0);
            record(results, "a raw ORT, batch " + batch, rate.perSecond(), "sentences/s");
        }

        /** {@code callers} callers of a single-threaded session, each on its own share of the batches. */
        void raw(RawOnnx raw, int batch, int callers) throws Exception {
            List<List<String>> batches = lengthOrderedBatches(sentences, batch);
            Rate rate = Throughput.measure(
                    callers,
                    warmup,
                    window,
                    (c, call) -> raw.embed(batches.get((int) (call % batches.size()))),
                    () -> 0);
            record(
                    results,
                    "a raw ORT, 1 thread x " + callers + " callers, batch " + batch,
                    rate.perSecond(),
                    "sentences/s, batch " + batch);
        }

        void engine(ServingBenchRig rig, String mode, int callers) throws Exception {
            double sentencesBefore = rig.sentencesEmbedded();
            long callsBefore = rig.modelCalls();
            Rate rate = Throughput.measure(
                    callers,
                    warmup,
                    window,
                    (c, call) -> rig.encode(List.of(sentences.get((int) (call % sentences.size())))).length,
                    () -> 0);
            double perCall = (rig.sentencesEmbedded() - sentencesBefore) / Math.max(1, rig.modelCalls() - callsBefore);
            record(
                    results,
                    "b engine, batching " + mode + ", " + callers + " callers",
                    rate.perSecond(),
                    String.format(Locale.ROOT, "sentences/s, %.1f per model call", perCall));
        }

        void http(InProcessApplication app, List<String> notes, int callers) throws Exception {
            Map<Integer, Integer> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
            Map<String, Double> computeBefore = app.computeSeconds();
            // a summary takes seconds on two cores: a longer window, so that requests/s is not one or two requests
            Rate rate = Throughput.measure(
                    callers,
                    warmup.plusSeconds(1),
                    window.multipliedBy(3),
                    (c, call) -> created(app.summarize(notes.get((int) (call % notes.size()))), failures),
                    app::sentencesEmbedded);
            record(results, "c HTTP /v1/summaries, " + callers + " callers", rate.perSecond(), "requests/s");
            record(
                    results,
                    "c HTTP /v1/summaries, sentences",
                    rate.counterPerSecond(),
                    "sentences/s (" + rate.failures() + " failed calls, by status " + failures + ")");
            Map<String, Double> compute = new java.util.TreeMap<>(app.computeSeconds());
            compute.replaceAll((model, seconds) -> seconds - computeBefore.getOrDefault(model, 0.0));
            double total =
                    compute.values().stream().mapToDouble(Double::doubleValue).sum();
            compute.forEach((model, seconds) ->
                    record(results, "c model-call time share, " + model, 100 * seconds / Math.max(total, 1e-9), "%"));
        }
    }

    /**
     * The raw baseline's batches: neighbours in length order (the least padding a batch program can have), the
     * batches themselves in a seeded random order so that a short window covers every length.
     */
    private static List<List<String>> lengthOrderedBatches(List<String> sentences, int size) {
        List<String> byLength = sentences.stream()
                .sorted(Comparator.comparingInt(String::length))
                .toList();
        List<List<String>> batches = new ArrayList<>();
        for (int start = 0; start + size <= byLength.size(); start += size) {
            batches.add(byLength.subList(start, start + size));
        }
        Collections.shuffle(batches, new Random(SEED));
        return batches;
    }

    private static long created(int status, Map<Integer, Integer> failures) {
        // 201: released; 202: held for review (a low-confidence note); both are answered summaries
        if (status != 201 && status != 202) {
            failures.merge(status, 1, Integer::sum);
            throw new IllegalStateException("POST /v1/summaries answered " + status);
        }
        return 1;
    }

    private static void record(Map<String, List<Double>> results, String name, double value, String unit) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        System.out.printf(Locale.ROOT, "  %-45s %10.1f %s%n", name, value, unit);
    }

    private static void report(Map<String, List<Double>> results, int[] batches, int callers, int httpCallers) {
        System.out.printf(Locale.ROOT, "%nmedians (min-max over rounds):%n");
        results.forEach(
                (name, values) -> System.out.printf(Locale.ROOT, "  %-45s %s%n", name, Throughput.spread(values)));
        // the best raw configuration of all: either thread layout, any batch size
        String bestName = "a raw ORT, batch " + batches[0];
        for (String name : results.keySet()) {
            if (name.startsWith("a raw ORT")
                    && Throughput.median(results.get(name)) > Throughput.median(results.get(bestName))) {
                bestName = name;
            }
        }
        double best = Throughput.median(results.get(bestName));
        double one = Throughput.median(results.get("a raw ORT, batch " + batches[0]));
        double engine = Throughput.median(results.get("b engine, batching on, " + callers + " callers"));
        double http = Throughput.median(results.get("c HTTP /v1/summaries, sentences"));
        System.out.printf(
                Locale.ROOT,
                "%na-best = %s: %.0f sentences/s (%.2fx one caller at batch %d)%n",
                bestName,
                best,
                best / one,
                batches[0]);
        System.out.printf(
                Locale.ROOT, "(b) batching on, %d callers / a-best = %.2f (target >= 0.90)%n", callers, engine / best);
        System.out.printf(
                Locale.ROOT,
                "(c) HTTP, %d callers, sentences/s / a-best = %.2f (target >= 0.85)%n",
                httpCallers,
                http / best);
    }
}
