package org.attest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/** Runs work on concurrent callers for a while and reports completed units per second, after a warm-up. */
final class Throughput {

    /** One call; returns how many units (sentences, requests) it completed. */
    @FunctionalInterface
    interface Work {
        long run(int caller, long call) throws Exception;
    }

    /**
     * A measurement.
     *
     * @param perSecond units the work reported, per second
     * @param counterPerSecond the optional external counter's increase per second (e.g. sentences a server embedded)
     * @param failures calls that threw
     */
    record Rate(double perSecond, double counterPerSecond, long failures) {}

    private Throughput() {}

    static Rate measure(int callers, Duration warmup, Duration window, Work work, DoubleSupplier counter)
            throws Exception {
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                int caller = i;
                futures.add(executor.submit(() -> {
                    while (running.get()) {
                        try {
                            done.add(work.run(caller, calls.getAndIncrement()));
                        } catch (Exception e) {
                            failed.increment();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(warmup);
            long startDone = done.sum();
            double startCounter = counter.getAsDouble();
            long start = System.nanoTime();
            Thread.sleep(window);
            long count = done.sum() - startDone;
            double counted = counter.getAsDouble() - startCounter;
            double elapsed = (System.nanoTime() - start) / 1e9;
            running.set(false);
            for (Future<?> future : futures) {
                future.get();
            }
            return new Rate(count / elapsed, counted / elapsed, failed.sum());
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** {@code median (min–max)} of a series, so that the machine's noise is visible. */
    static String spread(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", median(values), min, max);
    }

    static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
