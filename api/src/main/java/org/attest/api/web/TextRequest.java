package org.attest.api.web;

import jakarta.validation.constraints.NotBlank;

/**
 * A request body carrying one clinical text: {@code {"text": "..."}}. Unknown fields are refused.
 *
 * @param text the text, 1 to {@code attest.api.max-text-chars} characters, not blank
 */
public record TextRequest(
        @NotBlank(message = "must not be blank") String text) {

    /** The text, or 413 when it is longer than the configured maximum. */
    public String textWithin(ApiProperties limits) {
        if (text.length() > limits.maxTextChars()) {
            throw new PayloadTooLargeException();
        }
        return text;
    }
}
