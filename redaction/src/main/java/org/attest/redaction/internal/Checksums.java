package org.attest.redaction.internal;

/** Check-digit rules of the identifiers that have one. */
final class Checksums {

    /** VIN letters (no I, O, Q) and their transliterated values. */
    private static final String VIN_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private static final String VIN_VALUES = "12345678123457923456789";

    private Checksums() {}

    /** The digits of a text, separators dropped. */
    static String digits(CharSequence text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** Whether the text has {@code n} digits in a row: a cheap test before a pattern that needs them. */
    static boolean hasDigitRun(CharSequence text, int n) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run >= n) {
                return true;
            }
        }
        return false;
    }

    /** The Luhn (mod 10) check over a string of digits whose last digit is the check digit. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }

    /** An NPI's check: Luhn over the prefix 80840 and the ten digits (CMS NPI standard). */
    static boolean npi(String tenDigits) {
        return tenDigits.length() == 10 && luhn("80840" + tenDigits);
    }

    /**
     * A DEA registration number's check digit: (d1 + d3 + d5) + 2 (d2 + d4 + d6), last digit equals d7.
     *
     * @param sevenDigits the seven digits after the two letters
     */
    static boolean dea(String sevenDigits) {
        if (sevenDigits.length() != 7) {
            return false;
        }
        int[] d = sevenDigits.chars().map(c -> c - '0').toArray();
        int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
        return sum % 10 == d[6];
    }

    /** A 17-character vehicle identification number's check digit (position 9, ISO 3779 / 49 CFR 565). */
    static boolean vin(String vin) {
        if (vin.length() != 17) {
            return false;
        }
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = vin.charAt(i);
            int letter = VIN_LETTERS.indexOf(c);
            if (!Character.isDigit(c) && letter < 0) {
                return false;
            }
            int value = Character.isDigit(c) ? c - '0' : VIN_VALUES.charAt(letter) - '0';
            sum += value * weights[i];
        }
        int check = sum % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return vin.charAt(8) == expected;
    }
}
