package org.attest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.attest.phiner.CarrierSentences;
import org.attest.phiner.Sentence;
import org.attest.redaction.Redaction;
import org.attest.redaction.Redactor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Quality and speed of PHI redaction on a held-out synthetic set the phi-ner pipeline never saw: other templates,
 * surrogates from other locales and lists ({@link HeldOutCorpus}), PHI-free sentences from ACI-Bench (training used
 * MTS-Dialog). The redactor is the application's (serving + redaction components, the shipped phi-ner model), once
 * with the NER model and once with regular expressions alone.
 *
 * <p>Usage: {@code bench/run redaction-evaluation [--notes 300] [--data ../shared/data] [--seed 7]}. Prints token
 * recall, leaked spans, precision per category, the share of PHI-free texts touched, notes/s for 500-character notes
 * (one at a time, in batches of 16, and from two concurrent callers per core) and p50/p95 latency for a 2,000-character note. Targets: token recall ≥ 0.99,
 * ≤ 1 % leaked spans, precision ≥ 0.85, ≤ 10 % PHI-free touched, ≥ 100 notes/s.
 */
public final class RedactionEvaluationBenchmark {

    /** How many touched PHI-free sentences to print ({@code --show}). */
    private static int SHOW;

    /** How many missed gold spans to print ({@code --show-misses}). */
    private static int MISSES;

    /** {@code --quality-only}: skip the speed measurements. */
    private static boolean QUALITY_ONLY;

    private RedactionEvaluationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int notes = Integer.parseInt(option(args, "--notes", "300"));
        Path data = Path.of(option(args, "--data", "../shared/data"));
        long seed = Long.parseLong(option(args, "--seed", "7"));
        SHOW = Integer.parseInt(option(args, "--show", "0"));
        MISSES = Integer.parseInt(option(args, "--show-misses", "0"));
        QUALITY_ONLY = Arrays.asList(args).contains("--quality-only");
        List<String> phiFree = CarrierSentences.read(data.resolve("aci-bench/train.csv"), List.of("note"), 300);
        HeldOutCorpus corpus = new HeldOutCorpus(seed, lines("templates.txt"), lines("professions.txt"));
        List<String> mixIn = phiFree.subList(0, phiFree.size() / 2);
        List<String> untouched = phiFree.subList(phiFree.size() / 2, phiFree.size());
        List<Sentence> set = new ArrayList<>();
        for (int i = 0; i < notes; i++) {
            set.add(corpus.note(500, mixIn));
        }
        List<Sentence> longNotes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            longNotes.add(corpus.note(2000, mixIn));
        }
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, Java %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        System.out.printf(
                Locale.ROOT,
                "held-out set: %d notes of ~500 chars, %d PHI-free sentences (ACI-Bench)%n",
                set.size(),
                untouched.size());
        for (boolean ner : new boolean[] {true, false}) {
            try (ConfigurableApplicationContext context = start(ner, "")) {
                Redactor redactor = context.getBean(Redactor.class);
                System.out.printf(
                        Locale.ROOT,
                        "%n== %s (policy %s)%n",
                        ner ? "regex + phi-ner" : "regex only",
                        redactor.policyVersion());
                evaluate(redactor, set, untouched, longNotes, QUALITY_ONLY);
            }
        }
        // The occupation gazetteer lists common trades, most of the held-out ones among them: without it, the
        // professions are the model's and the context rules' alone (quality only).
        try (ConfigurableApplicationContext context = start(true, "occupation")) {
            Redactor redactor = context.getBean(Redactor.class);
            System.out.printf(
                    Locale.ROOT,
                    "%n== regex + phi-ner without the occupation gazetteer (policy %s)%n",
                    redactor.policyVersion());
            evaluate(redactor, set, untouched, longNotes, true);
        }
    }

    /** Notes per second when {@code callers} threads each redact one note after another, as API clients would. */
    private static double concurrently(Redactor redactor, List<String> texts, int callers) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        long started = System.nanoTime();
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers)) {
            for (int c = 0; c < callers; c++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
                        redactor.redact(texts.get(i));
                    }
                });
            }
        }
        return texts.size() / ((System.nanoTime() - started) / 1e9);
    }

    private static void evaluate(
            Redactor redactor,
            List<Sentence> set,
            List<String> phiFree,
            List<Sentence> longNotes,
            boolean qualityOnly) {
        List<String> texts = set.stream().map(Sentence::text).toList();
        redactor.redactAll(texts.subList(0, Math.min(32, texts.size()))); // warm-up
        RedactionScore score = new RedactionScore();
        List<Redaction> redactions = redactor.redactAll(texts);
        for (int i = 0; i < set.size(); i++) {
            score.add(set.get(i), redactions.get(i).entities());
        }
        System.out.print(score.describe());
        // Synthetic surrogates only (HeldOutCorpus), never PHI: shown to see what the detectors miss.
        score.misses.stream().limit(MISSES).forEach(m -> System.out.println("    missed " + m));
        List<Redaction> free = redactor.redactAll(phiFree);
        long touched = free.stream().filter(r -> !r.entities().isEmpty()).count();
        Map<String, Long> byDetector = new TreeMap<>();
        free.forEach(r -> r.entities().forEach(e -> byDetector.merge(e.detector() + "/" + e.subtype(), 1L, Long::sum)));
        System.out.printf(
                Locale.ROOT,
                "  PHI-free touched  %.4f (%d of %d sentences got any redaction; entities by detector/subtype: %s)%n",
                touched / (double) Math.max(phiFree.size(), 1),
                touched,
                phiFree.size(),
                byDetector);
        for (int i = 0, shown = 0; i < free.size() && shown < SHOW; i++) {
            if (!free.get(i).entities().isEmpty()) {
                // Public development text (ACI-Bench), never PHI: shown to see what the detectors take for PHI.
                System.out.println("    touched: " + free.get(i).redactedText());
                shown++;
            }
        }
        sweep(set, redactions, free);
        if (qualityOnly) {
            return;
        }
        long started = System.nanoTime();
        texts.forEach(redactor::redact);
        double single = texts.size() / ((System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        for (int i = 0; i < texts.size(); i += 16) {
            redactor.redactAll(texts.subList(i, Math.min(i + 16, texts.size())));
        }
        double batched = texts.size() / ((System.nanoTime() - started) / 1e9);
        int callers = 2 * Runtime.getRuntime().availableProcessors();
        double concurrent = concurrently(redactor, texts, callers);
        System.out.printf(
                Locale.ROOT,
                "  throughput        %.0f notes/s one at a time, %.0f notes/s in batches of 16 (one caller),"
                        + " %.0f notes/s with %d concurrent callers of one note (500-char notes)%n",
                single,
                batched,
                concurrent,
                callers);
        double[] millis = new double[longNotes.size() * 3];
        for (int i = 0; i < millis.length; i++) {
            String note = longNotes.get(i % longNotes.size()).text();
            long t = System.nanoTime();
            redactor.redact(note);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                Locale.ROOT,
                "  latency           p50 %.1f ms, p95 %.1f ms for a 2,000-char note%n",
                millis[millis.length / 2],
                millis[(int) Math.ceil(millis.length * 0.95) - 1]);
    }

    /** What a higher score threshold on the NER model's entities alone would give (no new inference). */
    private static void sweep(List<Sentence> set, List<Redaction> redactions, List<Redaction> free) {
        if (redactions.stream()
                .flatMap(r -> r.entities().stream())
                .noneMatch(e -> e.detector().equals("phi-ner"))) {
            return;
        }
        for (String type : new String[] {"ALL", "PROFESSION", "LOCATION", "NAME"}) {
            for (double threshold : new double[] {0.5, 0.6, 0.7, 0.8, 0.9}) {
                java.util.function.Predicate<org.attest.redaction.PhiEntity> kept =
                        e -> !e.detector().equals("phi-ner")
                                || !(type.equals("ALL") || e.type().name().equals(type))
                                || e.score() >= threshold;
                RedactionScore score = new RedactionScore();
                for (int i = 0; i < set.size(); i++) {
                    score.add(
                            set.get(i),
                            redactions.get(i).entities().stream().filter(kept).toList());
                }
                long touched = free.stream()
                        .filter(r -> r.entities().stream().anyMatch(kept))
                        .count();
                System.out.printf(
                        Locale.ROOT,
                        "  NER %-10s >= %.1f: token recall %.4f, leaked %.4f, precision %.4f, PHI-free touched %.4f%n",
                        type,
                        threshold,
                        score.tokenRecall(),
                        score.leakShare(),
                        score.precisionAll(),
                        touched / (double) Math.max(free.size(), 1));
            }
        }
    }

    private static ConfigurableApplicationContext start(boolean ner, String disabledRecognizers) {
        return new SpringApplicationBuilder(Components.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "attest.redaction.ner=" + ner,
                        "attest.redaction.disabled-recognizers=" + disabledRecognizers,
                        "attest.serving.aliases.phi-ner=phi-ner:2",
                        "logging.level.root=WARN",
                        "spring.main.banner-mode=off")
                .run();
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = RedactionEvaluationBenchmark.class.getResourceAsStream("/redaction-evaluation/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** The serving and redaction components, as the application has them. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan({"org.attest.serving", "org.attest.redaction"})
    @ConfigurationPropertiesScan({"org.attest.serving", "org.attest.redaction"})
    static class Components {}
}
