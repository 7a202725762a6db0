package org.attest.serving.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences at {@code .}, {@code !} or {@code ?} followed by white space, except after
 * abbreviations common in clinical text ({@code Dr.}, {@code a.m.}, {@code b.i.d.}). The next sentence need not start
 * with a capital: transcribed dialogue is often all lower case.
 */
final class SentenceSplitter {

    private static final Pattern BOUNDARY = Pattern.compile("([.!?]+)([\"')\\]]*)\\s+");

    /** Abbreviations without an inner dot that rarely end a sentence; dotted ones ({@code e.g.}) are caught anyway. */
    private static final Set<String> ABBREVIATIONS =
            Set.of("dr", "drs", "mr", "mrs", "ms", "prof", "st", "sr", "jr", "vs", "approx", "fig", "pt", "pts");

    private SentenceSplitter() {}

    /** The sentences of a paragraph, stripped, none empty. */
    static List<String> split(String paragraph) {
        List<String> sentences = new ArrayList<>();
        Matcher boundary = BOUNDARY.matcher(paragraph);
        int start = 0;
        while (boundary.find()) {
            boolean singleDot = boundary.group(1).equals(".");
            if (singleDot && isAbbreviation(wordBefore(paragraph, boundary.start(1)))) {
                continue;
            }
            add(sentences, paragraph.substring(start, boundary.end(2)));
            start = boundary.end();
        }
        add(sentences, paragraph.substring(start));
        return sentences;
    }

    private static String wordBefore(String text, int end) {
        int start = end;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isAbbreviation(String word) {
        return ABBREVIATIONS.contains(word) || (word.length() > 1 && word.indexOf('.') > 0);
    }

    private static void add(List<String> sentences, String sentence) {
        String stripped = sentence.strip();
        if (!stripped.isEmpty()) {
            sentences.add(stripped);
        }
    }
}
