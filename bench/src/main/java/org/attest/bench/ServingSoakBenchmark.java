package org.attest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.attest.serving.internal.ServingBenchRig;

/**
 * Native memory stays flat: {@code --count} inferences (one sentence each, default 100,000) through the engine's
 * sentence encoder with micro-batching on and {@code --callers} concurrent callers, printing the process's resident
 * set size ({@code VmRSS}) at every tenth. Every {@code OnnxTensor} and {@code Result} is closed by the engine, so RSS
 * after the warm-up tenth should stay within ±5 %; a leak of one tensor per call would grow it by tens of MB.
 *
 * <p>The inputs are the {@code --sentences} (500) shortest units of the ACI-Bench notes, so that 100,000 inferences
 * take minutes: a leak is per call (tensors, results, queue entries), not per token.
 *
 * <p>Usage: {@code bench/run serving-soak [--count 100000] [--callers 16] [--sentences 500] [--device auto]}.
 */
public final class ServingSoakBenchmark {

    private static final int REPORTS = 10;

    private ServingSoakBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = Throughput.option(args, "--count", 100_000);
        int callers = Throughput.option(args, "--callers", 16);
        String device = Throughput.option(args, "--device", "auto");
        List<String> sentences =
                AciBenchNotes.read(Path.of(Throughput.option(args, "--data", AciBenchNotes.DEFAULT.toString())))
                        .stream()
                        .flatMap(note -> ServingBenchRig.units(note).stream())
                        .sorted(Comparator.comparingInt(String::length))
                        .limit(Throughput.option(args, "--sentences", 500))
                        .toList();
        List<Reading> readings = new ArrayList<>();
        try (ServingBenchRig rig = ServingBenchRig.open(device, true, 32, Duration.ZERO)) {
            System.out.printf(
                    Locale.ROOT,
                    "soak: %,d inferences, %d callers, device %s, %d distinct sentences%n",
                    count,
                    callers,
                    rig.device(),
                    sentences.size());
            AtomicLong next = new AtomicLong();
            long started = System.nanoTime();
            for (int tenth = 1; tenth <= REPORTS; tenth++) {
                long until = (long) count * tenth / REPORTS;
                run(rig, sentences, next, until, callers);
                readings.add(Reading.now().print(until, started));
            }
            System.out.printf(Locale.ROOT, "model calls: %,d%n", rig.modelCalls());
        }
        report("RSS", readings.stream().map(Reading::rss).toList());
        report(
                "RSS - committed heap (native, metaspace, threads)",
                readings.stream().map(Reading::nonHeap).toList());
    }

    /**
     * One reading after a full GC: the resident set, the committed Java heap, and their difference, which is where a
     * native leak (an unclosed tensor or result) would show even while the heap grows to its working size.
     */
    private record Reading(long rss, long heap) {

        static Reading now() throws IOException {
            System.gc();
            return new Reading(residentKb(), Runtime.getRuntime().totalMemory() / 1024);
        }

        long nonHeap() {
            return rss - heap;
        }

        Reading print(long inferences, long started) {
            System.out.printf(
                    Locale.ROOT,
                    "  %,9d inferences  RSS %,8d kB  heap committed %,8d kB  RSS - heap %,8d kB  %.0f s%n",
                    inferences,
                    rss,
                    heap,
                    nonHeap(),
                    (System.nanoTime() - started) / 1e9);
            return this;
        }
    }

    private static void report(String what, List<Long> rss) {
        long baseline = rss.getFirst();
        long max = rss.stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = rss.stream().mapToLong(Long::longValue).min().orElseThrow();
        System.out.printf(
                Locale.ROOT,
                "%s after the first tenth %,d kB, last %,d kB (%+.1f %%), range over the run %+.1f %% .. %+.1f %%"
                        + " (target within ±5 %%)%n",
                what,
                baseline,
                rss.getLast(),
                100.0 * (rss.getLast() - baseline) / baseline,
                100.0 * (min - baseline) / baseline,
                100.0 * (max - baseline) / baseline);
    }

    private static void run(ServingBenchRig rig, List<String> sentences, AtomicLong next, long until, int callers)
            throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                futures.add(executor.submit(() -> {
                    long call;
                    while ((call = next.getAndIncrement()) < until) {
                        rig.encode(List.of(sentences.get((int) (call % sentences.size()))));
                    }
                    next.decrementAndGet();
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        next.set(until);
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
