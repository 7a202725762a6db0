package org.attest.redaction.internal;

import java.util.List;
import org.attest.redaction.PhiEntity;

/**
 * The replace operator: every entity becomes {@code [<SUBTYPE>]}, e.g. {@code [DATE]}, and the text between entities
 * is copied from the original unchanged. The placeholder says what kind of PHI stood there, never how long it was.
 */
final class PlaceholderOperator {

    private PlaceholderOperator() {}

    /** The placeholder that replaces an entity. */
    static String placeholder(PhiEntity entity) {
        return "[" + entity.subtype() + "]";
    }

    /**
     * @param text the original text
     * @param entities entities of that text, sorted by start and non-overlapping
     * @return the redacted text
     * @throws IllegalArgumentException if the entities are unsorted, overlap or reach past the text
     */
    static String apply(String text, List<PhiEntity> entities) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (PhiEntity entity : entities) {
            if (entity.start() < copied || entity.end() > text.length()) {
                // Offsets only in the message: never the text.
                throw new IllegalArgumentException("entity [" + entity.start() + "," + entity.end()
                        + ") is out of order, overlaps or exceeds the text length " + text.length());
            }
            out.append(text, copied, entity.start()).append(placeholder(entity));
            copied = entity.end();
        }
        return out.append(text, copied, text.length()).toString();
    }
}
