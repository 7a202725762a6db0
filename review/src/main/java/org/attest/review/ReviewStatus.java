package org.attest.review;

/** Where a review item is in its lifecycle. */
public enum ReviewStatus {
    PENDING,
    CLAIMED,
    APPROVED,
    EDITED,
    REJECTED
}
