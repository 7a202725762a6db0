package org.attest.redaction.internal;

import java.util.regex.Pattern;

/**
 * The sentence around a span, and how it is cased: the recognizers read a note's casing (typed all in lower case, or
 * with capitals) to tell a name from a common word, since the NER encoder is uncased.
 */
final class Sentences {

    private static final String ENDS = ".!?\n";
    private static final Pattern CAPITALISED = Pattern.compile("(?<!\\p{L})\\p{Lu}\\p{Ll}");

    private Sentences() {}

    /** The sentence that holds {@code [start, end)}: from the last sentence end before it to the first after it. */
    static String around(String text, int start, int end) {
        int from = start;
        while (from > 0 && ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < text.length() && ENDS.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        return text.substring(from, to);
    }

    /** Whether the text has a capitalised word ({@code Seen}, {@code Ms}); all-capital abbreviations ({@code MRN}) are not. */
    static boolean hasCapitalisedWord(CharSequence text) {
        return CAPITALISED.matcher(text).find();
    }
}
