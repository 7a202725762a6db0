package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * DEA registration numbers of prescribers ({@code AB1234563}): a registrant-type letter, a second letter (the
 * surname's initial, or 9), seven digits whose last is the check digit. Reported as a {@code LICENSE}.
 */
final class DeaNumberRecognizer implements Recognizer {

    static final String NAME = "dea-number";

    private static final double BASE = 0.8;

    private static final Pattern DEA =
            Pattern.compile("(?<![\\p{L}\\p{N}])[ABCDEFGHJKLMPRSTUX][A-Z9](?<digits>\\d{7})(?![\\p{L}\\p{N}])");

    private static final ContextWords CONTEXT = new ContextWords(25, 0, "dea", "dea\\s*#", "registration");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        if (!Checksums.hasDigitRun(text, 7)) {
            return found;
        }
        Matcher m = DEA.matcher(text);
        while (m.find()) {
            if (Checksums.dea(m.group("digits"))) {
                double score = CONTEXT.score(BASE, text, m.start(), m.end());
                found.add(PhiKind.LICENSE.entity(m.start(), m.end(), score, NAME));
            }
        }
        return found;
    }
}
