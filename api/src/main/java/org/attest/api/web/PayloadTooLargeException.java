package org.attest.api.web;

/** A text longer than {@code attest.api.max-text-chars}; answered with 413. Carries no part of the text. */
public class PayloadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException() {
        super("text longer than the configured maximum", null, false, false);
    }
}
