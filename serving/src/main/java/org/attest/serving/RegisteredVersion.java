package org.attest.serving;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model version the registry found, and what became of it.
 *
 * @param name the model name (from the registry path)
 * @param version the version (from the registry path)
 * @param kind the manifest's {@code kind}, or null when the manifest could not be read
 * @param state its lifecycle state
 * @param failureReason why it was refused or failed to load (PHI-free, names the path), or null
 * @param device {@code cpu} or {@code cuda} while it is loaded, else null
 * @param artifactSha256 the primary artifact's SHA-256 as the manifest declares it, or null
 * @param cardSha256 the model card's SHA-256, or null without a valid card
 * @param confidenceThreshold the manifest's release threshold, or null
 * @param source where its manifest was read from ({@code classpath:...} or a file path)
 * @param aliases the aliases that point at it now
 */
public record RegisteredVersion(
        String name,
        String version,
        @Nullable String kind,
        ModelState state,
        @Nullable String failureReason,
        @Nullable String device,
        @Nullable String artifactSha256,
        @Nullable String cardSha256,
        @Nullable Double confidenceThreshold,
        String source,
        List<String> aliases) {

    /** {@code name:version}. */
    public String id() {
        return name + ":" + version;
    }
}
