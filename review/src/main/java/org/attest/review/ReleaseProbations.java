package org.attest.review;

import java.util.Optional;

/**
 * Probation of newly promoted model versions: while a version is on probation, every one of its predictions goes to
 * review; the probation ends once clinicians approved, unedited, at least the configured share of its last N
 * decided items. The version that is the default at first start is never put on probation: only {@link #begin}
 * does, and the application calls it when a version is promoted.
 */
public interface ReleaseProbations {

    /** Puts {@code modelVersion} ({@code name:version}) on probation from now, unless it already is. */
    void begin(String modelVersion);

    /** Whether {@code modelVersion} is on probation now. */
    boolean onProbation(String modelVersion);

    /** The probation of {@code modelVersion}, current or ended, if it ever had one. */
    Optional<Probation> find(String modelVersion);

    /**
     * One model version's probation.
     *
     * @param modelVersion {@code name:version}
     * @param windowItems N, the decided items agreement is measured on
     * @param requiredAgreement the share of those approved unedited that ends it
     * @param ended whether it has ended
     * @param agreementAtEnd the agreement measured when it ended, or -1 while it runs
     */
    record Probation(
            String modelVersion, int windowItems, double requiredAgreement, boolean ended, double agreementAtEnd) {}
}
