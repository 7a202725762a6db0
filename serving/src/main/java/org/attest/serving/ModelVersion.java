package org.attest.serving;

import org.jspecify.annotations.Nullable;

/**
 * One version of a served model, as recorded with every prediction it makes.
 *
 * @param name the model's name, e.g. {@code clinical-summarizer-extractive}
 * @param version the version within that name, e.g. {@code 1}
 * @param artifactSha256 hex SHA-256 of the model's primary artifact (the ONNX file); 64 zeros when not even the
 *     manifest could be read, so no artifact is known
 * @param confidenceThreshold the manifest's release threshold in [0,1]: below it, a prediction goes to review
 * @param cardSha256 hex SHA-256 of the version's model card file, or null when it has no valid card (such a version
 *     never serves: its predictions are degraded)
 */
public record ModelVersion(
        String name,
        String version,
        String artifactSha256,
        double confidenceThreshold,
        @Nullable String cardSha256) {

    public ModelVersion {
        if (confidenceThreshold < 0 || confidenceThreshold > 1) {
            throw new IllegalArgumentException("confidenceThreshold must be in [0,1]");
        }
    }

    /** A version without a known card. */
    public ModelVersion(String name, String version, String artifactSha256, double confidenceThreshold) {
        this(name, version, artifactSha256, confidenceThreshold, null);
    }

    /** The {@code name:version} form used in API responses and audit rows. */
    public String id() {
        return name + ":" + version;
    }
}
