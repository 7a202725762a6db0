package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * National Provider Identifiers: ten digits starting with 1 or 2 whose last digit is the Luhn check over the prefix
 * 80840. One ten-digit number in ten passes the check by chance, so an {@code NPI} label must come before it (no other
 * number between).
 */
final class NpiRecognizer implements Recognizer {

    static final String NAME = "npi";

    private static final double SCORE = 0.9;

    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![\\p{L}\\p{N}-])[12]\\d{9}(?![\\p{L}\\p{N}])");

    private static final ContextWords LABEL = new ContextWords(25, 0, "npi", "npi\\s*#", "national\\s+provider");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        if (!Checksums.hasDigitRun(text, 10)) {
            return found;
        }
        Matcher m = TEN_DIGITS.matcher(text);
        while (m.find()) {
            if (Checksums.npi(m.group()) && LABEL.labels(text, m.start())) {
                found.add(PhiKind.NPI.entity(m.start(), m.end(), SCORE, NAME));
            }
        }
        return found;
    }
}
