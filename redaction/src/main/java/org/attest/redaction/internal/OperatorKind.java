package org.attest.redaction.internal;

/** How an entity's text is replaced, chosen per category by the policy. */
enum OperatorKind {
    /** {@code [SUBTYPE]}, e.g. {@code [DATE]}, {@code [PATIENT]}: says what stood there, not how long it was. */
    REPLACE,
    /** One {@code *} per character (code point) of the entity: keeps the layout, reveals the length. */
    MASK,
    /**
     * {@code [CATEGORY-n]}, e.g. {@code [NAME-1]}: the same entity gets the same number throughout one request, so a
     * summary still says who did what. Equality is decided on keyed HMACs, not on kept text.
     */
    PSEUDONYM
}
