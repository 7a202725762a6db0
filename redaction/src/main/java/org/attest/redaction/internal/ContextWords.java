package org.attest.redaction.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words whose presence near a candidate makes it more likely to be PHI, Presidio style: a candidate with one of them
 * within {@code before} characters before it or {@code after} characters after it gets {@link #BOOST} added to its
 * base score, capped at 1.
 */
final class ContextWords {

    /** Presidio's default context enhancement. */
    static final double BOOST = 0.35;

    private final Pattern words;
    private final int before;
    private final int after;

    /**
     * @param before how many characters before a candidate are searched
     * @param after how many characters after a candidate are searched
     * @param words case-insensitive regular-expression fragments, each matched as a whole word
     */
    ContextWords(int before, int after, String... words) {
        this.words = Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + String.join("|", words) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.before = before;
        this.after = after;
    }

    /** Whether a context word occurs within the window around {@code [start, end)}. */
    boolean near(String text, int start, int end) {
        return lastIn(text, Math.max(0, start - before), start).isPresent()
                || matcher(text, end, Math.min(text.length(), end + after)).find();
    }

    /**
     * Whether a context word labels the number that starts at {@code start}: it comes before it within the window and
     * no other number stands between them ({@code SSN 123-45-6789, chem 140 104 24 1234} labels only the first).
     */
    boolean labels(String text, int start) {
        return lastIn(text, Math.max(0, start - before), start)
                .filter(word -> text.substring(word.end(), start).chars().noneMatch(Character::isDigit))
                .isPresent();
    }

    /** The base score, raised by {@link #BOOST} (at most to 1) when a context word is near. */
    double score(double base, String text, int start, int end) {
        return near(text, start, end) ? Math.min(1.0, base + BOOST) : base;
    }

    /** The context word closest before {@code start} within the window, lower-cased. */
    Optional<String> lastBefore(String text, int start) {
        return lastIn(text, Math.max(0, start - before), start).map(ContextWords::lowerCase);
    }

    /** The context word closest after {@code end} within the window, lower-cased. */
    Optional<String> firstAfter(String text, int end) {
        Matcher m = matcher(text, end, Math.min(text.length(), end + after));
        return m.find() ? Optional.of(lowerCase(m)) : Optional.empty();
    }

    private Optional<MatchResult> lastIn(String text, int from, int to) {
        Matcher m = matcher(text, from, to);
        MatchResult last = null;
        while (m.find()) {
            last = m.toMatchResult();
        }
        return Optional.ofNullable(last);
    }

    private static String lowerCase(MatchResult word) {
        return word.group().toLowerCase(Locale.ROOT);
    }

    private Matcher matcher(String text, int from, int to) {
        // Transparent bounds: a word cut in half by the window edge must not count as a whole word.
        return words.matcher(text).region(from, Math.max(from, to)).useTransparentBounds(true);
    }
}
