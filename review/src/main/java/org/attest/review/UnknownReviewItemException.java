package org.attest.review;

/** No review item has this id. */
public class UnknownReviewItemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownReviewItemException() {
        super("no such review item", null, false, false);
    }
}
