package org.attest.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.phiner.Sentence;
import org.attest.redaction.PhiEntity;

/**
 * Scores redactions against gold spans. Token recall: gold word tokens (runs of letters or digits) wholly covered by
 * some entity. Leaked spans: gold spans of which no character is covered. Precision per category: share of predicted
 * entities of that category that overlap some gold span (the category need not match: any overlap hides PHI).
 */
final class RedactionScore {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    /** The redaction module's occupation gazetteer, read from the classpath as the redactor reads it. */
    private static final java.util.Set<String> OCCUPATIONS = occupations();

    long goldTokens;
    long coveredTokens;
    long goldSpans;
    long leakedSpans;
    long partialSpans;
    final Map<String, long[]> precision = new TreeMap<>();
    final Map<String, long[]> recallByLabel = new TreeMap<>();
    /** Gold spans not wholly covered, as {@code LABEL: text with [[missed]] parts}: synthetic surrogates, never PHI. */
    final List<String> misses = new java.util.ArrayList<>();

    void add(Sentence gold, List<PhiEntity> predicted) {
        boolean[] covered = new boolean[gold.text().length()];
        for (PhiEntity e : predicted) {
            for (int i = e.start(); i < e.end(); i++) {
                covered[i] = true;
            }
        }
        for (Sentence.Span span : gold.spans()) {
            goldSpans++;
            int hit = 0;
            Matcher m = TOKEN.matcher(gold.text()).region(span.start(), span.end());
            long[] byLabel = recallByLabel.computeIfAbsent(label(gold.text(), span), k -> new long[2]);
            while (m.find()) {
                goldTokens++;
                byLabel[0]++;
                if (allCovered(gold.text(), covered, m.start(), m.end())) {
                    coveredTokens++;
                    byLabel[1]++;
                }
            }
            for (int i = span.start(); i < span.end(); i++) {
                hit += covered[i] ? 1 : 0;
            }
            leakedSpans += hit == 0 ? 1 : 0;
            boolean whole = allCovered(gold.text(), covered, span.start(), span.end());
            partialSpans += hit > 0 && !whole ? 1 : 0;
            if (!whole) {
                misses.add(miss(gold.text(), covered, span, predicted));
            }
        }
        for (PhiEntity e : predicted) {
            long[] counts = precision.computeIfAbsent(e.type().name(), k -> new long[2]);
            counts[0]++;
            boolean overlaps = gold.spans().stream().anyMatch(s -> s.start() < e.end() && e.start() < s.end());
            counts[1] += overlaps ? 1 : 0;
        }
    }

    private static String miss(String text, boolean[] covered, Sentence.Span span, List<PhiEntity> predicted) {
        StringBuilder out = new StringBuilder(span.label()).append(": ");
        boolean open = false;
        for (int i = Math.max(0, span.start() - 40); i < Math.min(text.length(), span.end() + 40); i++) {
            boolean missed = i >= span.start() && i < span.end() && !covered[i];
            if (missed != open) {
                out.append(missed ? "[[" : "]]");
                open = missed;
            }
            out.append(text.charAt(i) == '\n' ? ' ' : text.charAt(i));
        }
        out.append(open ? "]]" : "").append("  | near:");
        predicted.stream()
                .filter(e -> e.end() > span.start() - 15 && e.start() < span.end() + 15)
                .forEach(e -> out.append(' ').append(e.subtype()).append('=').append(text, e.start(), e.end()));
        return out.toString();
    }

    /**
     * The gold label, with professions split by whether the redactor's occupation gazetteer lists them: its entries
     * are common trades, so recall on the others is what says how the rest of the redactor does on an unknown trade.
     */
    private static String label(String text, Sentence.Span span) {
        if (!span.label().equals("PROFESSION")) {
            return span.label();
        }
        String trade = text.substring(span.start(), span.end()).toLowerCase(Locale.ROOT);
        return OCCUPATIONS.contains(trade) ? "PROFESSION, listed" : "PROFESSION, unlisted";
    }

    /** Whether every letter and digit of {@code [start, end)} is covered (blanks and punctuation reveal nothing). */
    private static boolean allCovered(String text, boolean[] covered, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!covered[i] && Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    double tokenRecall() {
        return coveredTokens / (double) Math.max(goldTokens, 1);
    }

    double leakShare() {
        return leakedSpans / (double) Math.max(goldSpans, 1);
    }

    double precisionAll() {
        long all = precision.values().stream().mapToLong(c -> c[0]).sum();
        long right = precision.values().stream().mapToLong(c -> c[1]).sum();
        return right / (double) Math.max(all, 1);
    }

    String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "  token recall      %.4f (%d of %d gold tokens covered)%n",
                tokenRecall(),
                coveredTokens,
                goldTokens));
        out.append(String.format(
                Locale.ROOT,
                "  leaked spans      %.4f (%d of %d gold spans with no character covered;"
                        + " %d more partly covered)%n",
                leakShare(),
                leakedSpans,
                goldSpans,
                partialSpans));
        out.append(String.format(Locale.ROOT, "  precision         %.4f over all entities%n", precisionAll()));
        precision.forEach((type, c) -> out.append(String.format(
                Locale.ROOT,
                "    %-11s     %.4f (%d of %d entities overlap PHI)%n",
                type,
                c[1] / (double) c[0],
                c[1],
                c[0])));
        out.append("  token recall per gold label:\n");
        recallByLabel.forEach((label, c) -> out.append(String.format(
                Locale.ROOT, "    %-13s   %.4f (%d of %d)%n", label, c[1] / (double) Math.max(c[0], 1), c[1], c[0])));
        return out.toString();
    }

    private static java.util.Set<String> occupations() {
        try (java.io.InputStream in =
                RedactionScore.class.getResourceAsStream("/org/attest/redaction/internal/occupations.txt")) {
            if (in == null) {
                return java.util.Set.of();
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
