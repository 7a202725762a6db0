package org.attest.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attest.bench.Throughput.Rate;
import org.attest.serving.internal.ServingBenchRig;

/**
 * What the serving engine keeps of what the hardware gives, on the shipped MiniLM and the same sentences in one run:
 *
 * <ol type="a">
 *   <li>raw ONNX Runtime sentences embedded per second ({@link RawOnnx}: tokenize, pad, run; no engine, no HTTP) at
 *       each batch size of {@code --batches}, one caller, batching neighbours in length order (least padding);
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
 * [--callers 16] [--http-callers 16] [--device auto] [--data ../shared/data/aci-bench/train.csv]}.
 */
public final class ServingBenchmark {

    private static final int API_TEXT_CAP = 20_000;

    private ServingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = Throughput.option(args, "--rounds", 3);
        Duration window = Duration.ofSeconds(Throughput.option(args, "--seconds", 4));
        Duration warmup = Duration.ofSeconds(Throughput.option(args, "--warmup", 1));
        int[] batches = Arrays.stream(
                        Throughput.option(args, "--batches", "1,2,4,8,16,32,64").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int callers = Throughput.option(args, "--callers", 16);
        int httpCallers = Throughput.option(args, "--http-callers", 16);
        String device = Throughput.option(args, "--device", "auto");
        Path data = Path.of(Throughput.option(args, "--data", AciBenchNotes.DEFAULT.toString()));

        List<String> notes = AciBenchNotes.read(data).stream()
                .filter(note -> note.length() <= API_TEXT_CAP)
                .toList();
        List<String> sentences =
                notes.stream().flatMap(n -> ServingBenchRig.units(n).stream()).toList();
        // the raw baseline batches neighbours in length order, the least padding a batch program can have
        List<String> byLength = sentences.stream()
                .sorted(java.util.Comparator.comparingInt(String::length))
                .toList();
        Map<String, List<Double>> results = new LinkedHashMap<>();
        try (ServingBenchRig off = ServingBenchRig.open(device, false, 32, Duration.ZERO);
                ServingBenchRig on = ServingBenchRig.open(device, true, 32, Duration.ofMillis(1));
                RawOnnx raw = new RawOnnx("cuda".equals(on.device()));
                InProcessApplication app = new InProcessApplication(Map.of("attest.serving.device", device))) {
            printMachine(raw, on, notes, sentences);
            for (int round = 1; round <= rounds; round++) {
                System.out.printf(Locale.ROOT, "round %d of %d%n", round, rounds);
                Run run = new Run(results, warmup, window, sentences, byLength);
                for (int batch : batches) {
                    run.raw(raw, batch);
                }
                for (ServingBenchRig rig : List.of(off, on)) {
                    for (int n : new int[] {1, callers}) {
                        run.engine(rig, rig == on ? "on" : "off", n);
                    }
                }
                run.http(app, notes, httpCallers);
            }
        }
        report(results, batches, callers, httpCallers);
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
    private record Run(
            Map<String, List<Double>> results,
            Duration warmup,
            Duration window,
            List<String> sentences,
            List<String> byLength) {

        void raw(RawOnnx raw, int batch) throws Exception {
            Rate rate = Throughput.measure(
                    1,
                    warmup,
                    window,
                    (c, call) -> raw.embed(ServingBenchmark.window(byLength, call, batch)),
                    () -> 0);
            record(results, "a raw ORT, batch " + batch, rate.perSecond(), "sentences/s");
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
            Rate rate = Throughput.measure(
                    callers,
                    warmup.plusSeconds(1),
                    window,
                    (c, call) -> created(app.summarize(notes.get((int) (call % notes.size())))),
                    app::sentencesEmbedded);
            record(results, "c HTTP /v1/summaries, " + callers + " callers", rate.perSecond(), "requests/s");
            record(
                    results,
                    "c HTTP /v1/summaries, sentences",
                    rate.counterPerSecond(),
                    "sentences/s (" + rate.failures() + " failed calls)");
        }
    }

    private static List<String> window(List<String> sentences, long call, int size) {
        List<String> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(sentences.get((int) ((call * size + i) % sentences.size())));
        }
        return batch;
    }

    private static long created(int status) {
        if (status != 201) {
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
        String bestName = "a raw ORT, batch " + batches[0];
        for (int batch : batches) {
            String name = "a raw ORT, batch " + batch;
            if (Throughput.median(results.get(name)) > Throughput.median(results.get(bestName))) {
                bestName = name;
            }
        }
        double best = Throughput.median(results.get(bestName));
        double one = Throughput.median(results.get("a raw ORT, batch " + batches[0]));
        double engine = Throughput.median(results.get("b engine, batching on, " + callers + " callers"));
        double http = Throughput.median(results.get("c HTTP /v1/summaries, sentences"));
        System.out.printf(
                Locale.ROOT,
                "%na-best = %s: %.0f sentences/s (%.2fx batch %d)%n",
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
