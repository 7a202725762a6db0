package org.attest.redaction;

/**
 * One piece of PHI found in a text. It carries positions, never the text itself.
 *
 * @param type the i2b2 category
 * @param subtype a finer kind, e.g. {@code PHONE}, {@code EMAIL}, {@code SSN}, {@code MRN}
 * @param start start index into the original {@code String} (UTF-16 index, inclusive)
 * @param end end index into the original {@code String} (exclusive)
 * @param score detector confidence in [0,1]
 * @param detector the name of the recognizer that found it
 */
public record PhiEntity(PhiType type, String subtype, int start, int end, double score, String detector) {

    public PhiEntity {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("need 0 <= start < end");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0,1]");
        }
    }

    public int length() {
        return end - start;
    }
}
