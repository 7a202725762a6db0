package org.attest.audit;

import org.jspecify.annotations.Nullable;

/**
 * The model version an event is bound to.
 *
 * @param name model name
 * @param version version within the name
 * @param artifactSha256 hex SHA-256 of the model artifact
 * @param cardHash hex SHA-256 of the model card, or null while models have no card
 */
public record ModelRef(
        String name,
        String version,
        String artifactSha256,
        @Nullable String cardHash) {}
