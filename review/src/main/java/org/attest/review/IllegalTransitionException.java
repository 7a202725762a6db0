package org.attest.review;

/**
 * A transition the item's state does not allow; nothing was changed. The message is fixed and PHI-free.
 */
public class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the transition was refused; stable codes for the HTTP edge. */
    public enum Refusal {
        /** The item is decided: no transition leaves APPROVED, EDITED or REJECTED. */
        ALREADY_DECIDED,
        /** Another clinician holds a live claim on the item. */
        CLAIMED_BY_ANOTHER,
        /** A decision needs a live claim by the deciding clinician (claim it first, or again after a lapse). */
        NOT_CLAIMED_BY_YOU
    }

    private final Refusal refusal;

    public IllegalTransitionException(Refusal refusal) {
        super("illegal review transition: " + refusal, null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
