package org.attest.audit;

import org.jspecify.annotations.Nullable;

/**
 * The model version an event is bound to.
 *
 * @param name model name
 * @param version version within the name
 * @param artifactSha256 hex SHA-256 of the model artifact
 * @param cardHash hex SHA-256 of the model card, or null while models have no card
 * @param servedVersion when the model runs on a remote server (KServe v2), the version that server says produced the
 *     prediction (its {@code model_version}); null for a model that runs in the service, and in every event written
 *     before it was recorded — such rows keep their hashes (see {@code audit/README.md})
 */
public record ModelRef(
        String name,
        String version,
        String artifactSha256,
        @Nullable String cardHash,
        @Nullable String servedVersion) {

    public ModelRef {
        if (servedVersion != null && servedVersion.isBlank()) {
            // the column tells "no remote server" (NULL) from a version; a blank one would be neither
            throw new IllegalArgumentException("servedVersion must be null or not blank");
        }
    }

    /** A model that runs in the service: no remote server's version. */
    public ModelRef(String name, String version, String artifactSha256, @Nullable String cardHash) {
        this(name, version, artifactSha256, cardHash, null);
    }
}
