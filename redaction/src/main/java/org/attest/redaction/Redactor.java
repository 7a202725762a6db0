package org.attest.redaction;

import java.util.List;

/** Finds PHI in clinical text and replaces it, under one versioned redaction policy. */
public interface Redactor {

    /**
     * Redacts one text. Deterministic for the same text and policy version.
     *
     * @param text any text, possibly empty
     * @return the redacted text and the entities found in the original
     */
    Redaction redact(String text);

    /**
     * Redacts the texts of one request together: one NER model call for the whole batch, and pseudonyms numbered
     * across the batch (the same person is the same {@code [NAME-1]} in every text).
     *
     * @param texts texts, possibly empty ones
     * @return the i-th redaction belongs to the i-th text
     */
    List<Redaction> redactAll(List<String> texts);

    /** The version of the policy in force, recorded with every prediction. */
    String policyVersion();

    /** Whether the NER model takes part, or redaction runs on its regular expressions alone. */
    DetectionStatus status();
}
