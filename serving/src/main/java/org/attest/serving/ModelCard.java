package org.attest.serving;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model version's card, validated against its manifest: the Markdown file with its YAML front matter, as shipped.
 *
 * @param model the model name
 * @param version the version
 * @param sha256 hex SHA-256 of the whole file, recorded in audit rows
 * @param confidenceThreshold the card's {@code confidence-threshold}, equal to the manifest's
 * @param scope the inputs the model was validated on, or null when the card states none
 * @param content the file's text (front matter and Markdown)
 */
public record ModelCard(
        String model,
        String version,
        String sha256,
        double confidenceThreshold,
        @Nullable Scope scope,
        String content) {

    /**
     * The card's {@code scope}: inputs outside it are out of scope for the model.
     *
     * @param minChars shortest validated input, or null
     * @param maxChars longest validated input, or null
     * @param languages validated languages (e.g. {@code en}); empty when not stated
     */
    public record Scope(
            @Nullable Integer minChars, @Nullable Integer maxChars, List<String> languages) {}
}
