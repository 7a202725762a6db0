package org.attest.serving;

/**
 * One version of a served model, as recorded with every prediction it makes.
 *
 * @param name the model's name, e.g. {@code clinical-summarizer-extractive}
 * @param version the version within that name, e.g. {@code 1}
 * @param artifactSha256 hex SHA-256 of the model's primary artifact (the ONNX file)
 * @param confidenceThreshold the manifest's release threshold in [0,1]: below it, a prediction goes to review
 */
public record ModelVersion(String name, String version, String artifactSha256, double confidenceThreshold) {

    public ModelVersion {
        if (confidenceThreshold < 0 || confidenceThreshold > 1) {
            throw new IllegalArgumentException("confidenceThreshold must be in [0,1]");
        }
    }

    /** The {@code name:version} form used in API responses and audit rows. */
    public String id() {
        return name + ":" + version;
    }
}
