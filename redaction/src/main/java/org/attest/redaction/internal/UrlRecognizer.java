package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Web addresses that start with a scheme ({@code http://}, {@code https://}, {@code ftp://}) or {@code www.}, up to
 * the next white space; closing punctuation of the sentence is left out. The score is the highest there is, so a URL
 * wins over a date, number or address found inside it and none of it stays behind. Bare domains ({@code
 * example.org/x}) are not matched: too close to file names and dotted abbreviations.
 */
final class UrlRecognizer implements Recognizer {

    static final String NAME = "url";

    private static final double SCORE = 1.0;

    private static final Pattern URL = Pattern.compile(
            "(?<![\\p{L}\\p{N}@/.])(?<prefix>https?://|ftp://|www\\.)[^\\s<>\"'`]++", Pattern.CASE_INSENSITIVE);

    /** Characters that end a sentence or close a parenthesis around a URL far more often than they end the URL. */
    private static final String TRAILING = ".,;:!?)]}";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end > m.end("prefix")) {
                found.add(PhiKind.URL.entity(m.start(), end, SCORE, NAME));
            }
        }
        return found;
    }
}
