package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * US Social Security numbers: {@code 123-45-6789} anywhere; {@code 123 45 6789} and nine bare digits only when an SSN
 * word labels them (before, no other number between), because lists of lab values ({@code chem 140 104 24 1234})
 * take those shapes too. Numbers the SSA never issues are rejected: area 000, 666 or 900–999, group 00, serial 0000.
 */
final class SsnRecognizer implements Recognizer {

    static final String NAME = "ssn";

    private static final double BASE = 0.6;

    private static final Pattern DASHED = Pattern.compile(
            "(?<![\\p{L}\\p{N}-])(?<area>\\d{3})-(?<group>\\d{2})-(?<serial>\\d{4})(?![\\p{L}\\p{N}]|-\\p{N})");

    private static final Pattern SPACED_OR_BARE =
            Pattern.compile("(?<![\\p{L}\\p{N}-])(?<area>\\d{3})(?<sep>\\h?)(?<group>\\d{2})\\k<sep>(?<serial>\\d{4})"
                    + "(?![\\p{L}\\p{N}])");

    private static final ContextWords CONTEXT = new ContextWords(
            30, 0, "ssn", "ss#", "ssn#", "social\\s+security(?:\\s+(?:number|no\\.?|#))?", "soc\\.?\\s*sec\\.?");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        Matcher dashed = DASHED.matcher(text);
        while (dashed.find()) {
            if (issuable(dashed)) {
                found.add(entity(text, dashed));
            }
        }
        Matcher cued = SPACED_OR_BARE.matcher(text);
        while (cued.find()) {
            if (issuable(cued) && CONTEXT.labels(text, cued.start())) {
                found.add(entity(text, cued));
            }
        }
        return found;
    }

    private static PhiEntity entity(String text, Matcher m) {
        return PhiKind.SSN.entity(m.start(), m.end(), CONTEXT.score(BASE, text, m.start(), m.end()), NAME);
    }

    /** The SSA's never-issued ranges; a number inside them is something else. */
    private static boolean issuable(Matcher m) {
        String area = m.group("area");
        return !area.equals("000")
                && !area.equals("666")
                && area.charAt(0) != '9'
                && !m.group("group").equals("00")
                && !m.group("serial").equals("0000");
    }
}
