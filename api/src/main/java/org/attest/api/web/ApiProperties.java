package org.attest.api.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the HTTP API ({@code attest.api}).
 *
 * @param maxTextChars the most characters a {@code text} field may carry (413 above it)
 * @param commitTimeout how long the transaction that stores and audits a result may take; past it the request
 *     fails closed with 503 and nothing is released
 */
@Validated
@ConfigurationProperties("attest.api")
public record ApiProperties(
        @DefaultValue("20000") @Min(1) @Max(1_000_000) int maxTextChars,
        @DefaultValue("2s") Duration commitTimeout) {

    /**
     * The most bytes a request body may have: every character may arrive as a six-byte JSON escape, plus room
     * for the rest of the document. Checked before parsing.
     */
    public long maxBodyBytes() {
        return maxTextChars * 6L + 4096;
    }
}
