package org.attest.redaction;

import java.util.List;

/**
 * The result of redacting one text.
 *
 * @param redactedText the text with every entity replaced by a placeholder such as {@code [DATE]}
 * @param entities what was found, sorted by start, non-overlapping, offsets into the original text
 * @param policyVersion the redaction policy that was applied
 */
public record Redaction(String redactedText, List<PhiEntity> entities, String policyVersion) {

    public Redaction {
        entities = List.copyOf(entities);
    }
}
