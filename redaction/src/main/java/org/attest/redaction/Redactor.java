package org.attest.redaction;

/** Finds PHI in clinical text and replaces it, under one versioned redaction policy. */
public interface Redactor {

    /**
     * Redacts one text. Deterministic for the same text and policy version.
     *
     * @param text any text, possibly empty
     * @return the redacted text and the entities found in the original
     */
    Redaction redact(String text);

    /** The version of the policy in force, recorded with every prediction. */
    String policyVersion();
}
