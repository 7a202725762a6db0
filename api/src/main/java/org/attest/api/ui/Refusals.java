package org.attest.api.ui;

import org.attest.review.IllegalTransitionException.Refusal;

/** What a refused transition means, in words for the clinician. */
final class Refusals {

    private Refusals() {}

    static String explain(Refusal refusal) {
        return switch (refusal) {
            case ALREADY_DECIDED -> "This item has already been decided; nothing was changed.";
            case CLAIMED_BY_ANOTHER -> "Another clinician is working on this item; nothing was changed.";
            case NOT_CLAIMED_BY_YOU -> "Claim the item first (your claim may have lapsed); nothing was changed.";
        };
    }
}
