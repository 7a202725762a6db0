package org.attest.review;

/** Why a clinician edited or rejected a draft: a fixed vocabulary, so that no free text (and no PHI) is stored. */
public enum DecisionReason {
    /** The draft leaves out something clinically important. */
    OMISSION,
    /** The draft states something the source contradicts. */
    FACTUAL_ERROR,
    /** The draft states something the source does not support. */
    UNSUPPORTED_CLAIM,
    /** The draft puts weight on the wrong findings. */
    WRONG_EMPHASIS,
    /** Wording, order or length only. */
    STYLE,
    /** The draft shows identifying information that redaction missed. */
    PHI_LEAK,
    /** The source cannot be summarized safely (too short, not a clinical note, wrong language). */
    NOT_SUMMARIZABLE,
    OTHER
}
