package org.attest.review;

import java.util.Objects;

/** What a clinician decides about a claimed item. */
public sealed interface ReviewDecision {

    /** The status the item ends in. */
    ReviewStatus outcome();

    /** Release the draft as it is. */
    record Approve() implements ReviewDecision {
        @Override
        public ReviewStatus outcome() {
            return ReviewStatus.APPROVED;
        }
    }

    /**
     * Release the clinician's text instead of the draft.
     *
     * @param text the text to release, not blank
     * @param reason why the draft was changed
     */
    record Edit(String text, DecisionReason reason) implements ReviewDecision {
        public Edit {
            Objects.requireNonNull(reason);
            if (text.isBlank()) {
                throw new IllegalArgumentException("an edit needs a text");
            }
        }

        @Override
        public ReviewStatus outcome() {
            return ReviewStatus.EDITED;
        }
    }

    /**
     * Never release this prediction.
     *
     * @param reason why
     */
    record Reject(DecisionReason reason) implements ReviewDecision {
        public Reject {
            Objects.requireNonNull(reason);
        }

        @Override
        public ReviewStatus outcome() {
            return ReviewStatus.REJECTED;
        }
    }
}
