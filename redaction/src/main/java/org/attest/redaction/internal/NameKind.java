package org.attest.redaction.internal;

import java.util.Locale;

/**
 * What a token-classification label names, as {@link NerSpanCompletion} completes spans: the project's labels and
 * common de-identification exports' ({@code HOSP}, {@code PATORG}, {@code STAFF}, ...). Places come first, in the
 * order a merge of two differently typed neighbours prefers them.
 */
enum NameKind {
    STREET,
    HOSPITAL,
    ORGANIZATION,
    PLACE,
    NAME,
    PROFESSION,
    OTHER;

    /** A multi-word proper name of a place or body, which takes in a neighbouring span of another kind. */
    boolean takesNeighbours() {
        return this == STREET || this == HOSPITAL || this == ORGANIZATION;
    }

    /** A proper name (a place, a body or a person), as opposed to a profession or an unknown label. */
    boolean properName() {
        return ordinal() <= NAME.ordinal();
    }

    static NameKind of(String label) {
        return switch (label.toUpperCase(Locale.ROOT)) {
            case "STREET" -> STREET;
            case "HOSPITAL", "HOSP" -> HOSPITAL;
            case "ORGANIZATION", "ORG", "PATORG", "VENDOR" -> ORGANIZATION;
            case "CITY", "STATE", "COUNTRY", "LOC", "LOCATION" -> PLACE;
            case "PATIENT", "DOCTOR", "PERSON", "PER", "NAME", "STAFF", "HCW" -> NAME;
            case "PROFESSION" -> PROFESSION;
            default -> OTHER;
        };
    }
}
