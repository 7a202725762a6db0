package org.attest.review;

/**
 * Where a review item is in its lifecycle: PENDING → CLAIMED (a lease; it reads as PENDING again once the lease has
 * lapsed) → APPROVED | EDITED | REJECTED. The three decided states are final.
 */
public enum ReviewStatus {
    PENDING,
    CLAIMED,
    APPROVED,
    EDITED,
    REJECTED;

    /** Whether a clinician has decided the item; no transition leaves a decided state. */
    public boolean decided() {
        return this == APPROVED || this == EDITED || this == REJECTED;
    }
}
