package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * E-mail addresses: a local part of at most 64 characters, {@code @}, dot-separated labels and an alphabetic top-level
 * domain. The score is the highest there is, so an address wins over a name or number found inside it.
 */
final class EmailRecognizer implements Recognizer {

    static final String NAME = "email";

    private static final double SCORE = 1.0;

    // Starts only at the beginning of a run of local-part characters and never gives characters back, so a long run
    // without an @ is read once, not once per position.
    private static final Pattern EMAIL = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])[A-Za-z0-9._%+-]{1,64}+@"
            + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}+)\\.){1,8}[A-Za-z]{2,24}+(?![A-Za-z0-9-])");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            found.add(PhiKind.EMAIL.entity(m.start(), m.end(), SCORE, NAME));
        }
        return found;
    }
}
