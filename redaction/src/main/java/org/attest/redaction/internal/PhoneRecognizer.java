package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Telephone and fax numbers. Formatted North American numbers ({@code (555) 234-5678}, {@code 555-234-5678},
 * {@code 555.234.5678}, {@code +1 555-234-5678}, with an extension) are found anywhere; forms that lab values and
 * lists of numbers also take (ten bare digits, space-separated groups, seven digits, {@code +} international) only
 * when a telephone word labels them: it comes before, with no other number in between. The subtype is {@code FAX}
 * when the nearest label is "fax".
 */
final class PhoneRecognizer implements Recognizer {

    static final String NAME = "phone";

    private static final double FORMATTED_BASE = 0.7;
    private static final double CUED_BASE = 0.5;

    private static final String START = "(?<![\\p{L}\\p{N}+.-])";
    private static final String END = "(?![\\p{L}\\p{N}-]|\\.\\p{N})";
    private static final String COUNTRY = "(?:\\+1[\\h.-]?|1[\\h.-])?";
    // "x3 days" after a number is a duration: a bare "x" takes two or more digits and no time word after them.
    private static final String EXTENSION = "(?:\\h*+(?:(?:ext\\.?|extension)\\h*+\\d{1,6}+|x\\h*+\\d{2,6}+"
            + "(?!\\h*+(?:days?|weeks?|wks?|hours?|hrs?|months?|times?|doses?)(?![\\p{L}]))))?";

    private static final Pattern FORMATTED = Pattern.compile(START + COUNTRY
            + "(?:\\(\\d{3}\\)\\h?\\d{3}[\\h.-]\\d{4}|\\d{3}(?<sep>[.-])\\d{3}\\k<sep>\\d{4})" + EXTENSION + END);

    private static final Pattern NEEDS_LABEL = Pattern.compile(START
            + "(?:" + COUNTRY + "(?:[2-9]\\d{2}\\h[2-9]\\d{2}\\h\\d{4}|[2-9]\\d{9})|[2-9]\\d{2}-\\d{4}"
            + "|\\+\\d[\\d\\h()-]{6,20}\\d)" + EXTENSION + END);

    /** Labels that say a number is a telephone number; the closest one decides PHONE or FAX. */
    private static final ContextWords LABELS = new ContextWords(
            30,
            12,
            "phone",
            "ph",
            "tel",
            "telephone",
            "cell",
            "mobile",
            "call",
            "pager",
            "beeper",
            "contact",
            "fax",
            "facsimile");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        Matcher formatted = FORMATTED.matcher(text);
        while (formatted.find()) {
            found.add(entity(text, formatted.start(), formatted.end(), FORMATTED_BASE));
        }
        Matcher cued = NEEDS_LABEL.matcher(text);
        while (cued.find()) {
            if (LABELS.labels(text, cued.start()) && plausibleDigitCount(text, cued.start(), cued.end())) {
                found.add(entity(text, cued.start(), cued.end(), CUED_BASE));
            }
        }
        return OverlapResolver.resolve(found);
    }

    private static PhiEntity entity(String text, int start, int end, double base) {
        PhiKind kind = isFax(text, start, end) ? PhiKind.FAX : PhiKind.PHONE;
        return kind.entity(start, end, LABELS.score(base, text, start, end), NAME);
    }

    private static boolean isFax(String text, int start, int end) {
        String label = LABELS.lastBefore(text, start)
                .or(() -> LABELS.firstAfter(text, end))
                .orElse("");
        return label.equals("fax") || label.equals("facsimile");
    }

    /** Seven digits locally, up to fifteen internationally (E.164), extension included generously. */
    private static boolean plausibleDigitCount(String text, int start, int end) {
        int digits = 0;
        for (int i = start; i < end; i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits >= 7 && digits <= 21;
    }
}
