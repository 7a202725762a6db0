package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Payment card numbers: 13 to 19 digits, plain or in groups separated by single spaces or hyphens, with a known
 * issuer prefix (Visa 4, Mastercard 51–55 and 2221–2720, American Express 34/37, Discover 6011/65, JCB 35, Diners
 * 36/38) and a valid Luhn check digit. Card words ({@code card}, {@code visa}, {@code credit}, ...) raise the score.
 */
final class CardNumberRecognizer implements Recognizer {

    static final String NAME = "card-number";

    private static final double BASE = 0.8;

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![\\p{L}\\p{N}.,/-])\\d(?:[ -]?\\d){12,18}(?![\\p{L}\\p{N}]|[.,/-]\\p{N})");

    private static final Pattern ISSUER = Pattern.compile("4|5[1-5]|2(?:2[2-9]|[3-6]\\d|7[01]|720)|3[4-8]|6011|65");

    private static final ContextWords CONTEXT = new ContextWords(
            30, 0, "card", "cc", "visa", "mastercard", "amex", "american\\s+express", "discover", "credit", "debit");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        if (!Checksums.hasDigitRun(text, 4)) {
            return found;
        }
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String digits = Checksums.digits(m.group());
            boolean issuer = ISSUER.matcher(digits).lookingAt();
            if (digits.length() >= 13 && issuer && Checksums.luhn(digits)) {
                double score = CONTEXT.score(BASE, text, m.start(), m.end());
                found.add(PhiKind.CARD.entity(m.start(), m.end(), score, NAME));
            }
        }
        return found;
    }
}
