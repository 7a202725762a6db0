package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Medical record and account numbers, recognised by their label: {@code MRN}, {@code MR#}, {@code medical record
 * (number)}, {@code record #/no./number} give subtype {@code MRN}; {@code acct}, {@code account (number)} give
 * {@code ACCOUNT}. Only the identifier after the label is redacted: 4 to 32 letters, digits or hyphens with at least
 * three digits, so that {@code account of} or {@code record 3 episodes} stay.
 */
final class RecordNumberRecognizer implements Recognizer {

    static final String NAME = "record-number";

    private static final double SCORE = 0.9;
    private static final int MIN_LENGTH = 4;
    private static final int MIN_DIGITS = 3;

    private static final String NUMBER_WORD = "(?:number|num\\.?|no\\.?(?![\\p{L}])|#)";

    private static final Pattern LABELLED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(?<mrn>mrn|mr\\h?#|med(?:ical|\\.)?\\h*rec(?:ord|\\.)?|record(?=\\h*+" + NUMBER_WORD
                    + "))|(?<!into\\h)(?<account>acct|account))(?:\\h*+" + NUMBER_WORD + ")?"
                    + "(?![\\p{L}])[\\h:#=.-]{0,6}+(?:is\\h++)?"
                    + "(?<id>[A-Z0-9][A-Z0-9-]{0,31}+)(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        Matcher m = LABELLED.matcher(text);
        while (m.find()) {
            int start = m.start("id");
            int end = m.end("id");
            while (text.charAt(end - 1) == '-') {
                end--; // a trailing hyphen is punctuation, not part of the number
            }
            if (looksLikeIdentifier(text, start, end)) {
                PhiKind kind = m.group("mrn") != null ? PhiKind.MRN : PhiKind.ACCOUNT;
                found.add(kind.entity(start, end, SCORE, NAME));
            }
        }
        return found;
    }

    private static boolean looksLikeIdentifier(String text, int start, int end) {
        int digits = 0;
        for (int i = start; i < end; i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return end - start >= MIN_LENGTH && digits >= MIN_DIGITS;
    }
}
