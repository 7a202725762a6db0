package org.attest.serving;

/**
 * One entity a token-classification model found, with exact positions in the text it was given. It carries no text.
 *
 * @param label the entity label without its BIO prefix, as the model's {@code id2label} spells it, e.g. {@code
 *     PATIENT}
 * @param start start index into the original {@code String} (UTF-16 index, inclusive)
 * @param end end index (exclusive); never inside a surrogate pair
 * @param score the mean, over the entity's tokens, of the probability of the label the model chose, in [0,1]
 */
public record EntitySpan(String label, int start, int end, double score) {

    public EntitySpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("need 0 <= start < end");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0,1]");
        }
    }
}
