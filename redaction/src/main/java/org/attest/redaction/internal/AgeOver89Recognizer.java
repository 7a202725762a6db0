package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Ages above the Safe Harbor threshold (89 unless configured lower): {@code 92-year-old}, {@code 92 years old},
 * {@code 94 yo}, {@code 94 y/o}, {@code 90 years of age}, {@code age 93}, {@code aged 101}. Only the number is
 * redacted ({@code a [AGE]-year-old}); ages at or below the threshold are not PHI and stay.
 */
final class AgeOver89Recognizer implements Recognizer {

    /** No one is older; a larger number next to "age" is something else. */
    static final int OLDEST = 130;

    private static final double SCORE = 0.85;

    private static final String NUMBER = "(?<age>\\d{2,3}(?:\\.\\d)?)";

    private static final List<Pattern> FORMS = List.of(
            Pattern.compile(
                    "(?<![\\p{L}\\p{N}.,])" + NUMBER + "(?:\\h|-)?+"
                            + "(?:(?:years?|yrs?)(?:\\h|-)?+old|years?\\h++of\\h++age|y/o|y\\.o\\.?|yo)"
                            + "(?![\\p{L}])",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile(
                    "(?<![\\p{L}])(?:age|aged|ages)\\h*+[:=]?\\h*+" + NUMBER + "(?![\\p{N}]|[.,]\\p{N})",
                    Pattern.CASE_INSENSITIVE));

    private final int threshold;
    private final String name;

    /** @param threshold the oldest age that is not PHI; Safe Harbor says 89 */
    AgeOver89Recognizer(int threshold) {
        this.threshold = threshold;
        this.name = "age-over-" + threshold;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        for (Pattern form : FORMS) {
            Matcher m = form.matcher(text);
            while (m.find()) {
                int years = (int) Double.parseDouble(m.group("age"));
                if (years > threshold && years <= OLDEST) {
                    found.add(PhiKind.AGE.entity(m.start("age"), m.end("age"), SCORE, name));
                }
            }
        }
        return found;
    }
}
