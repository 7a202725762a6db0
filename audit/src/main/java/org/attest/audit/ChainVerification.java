package org.attest.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking the chain.
 *
 * @param recordsChecked how many records were read
 * @param firstBrokenSequence the first sequence whose link or hash does not hold, or null when intact
 * @param reason why that link is broken (PHI-free), or null when intact
 */
public record ChainVerification(
        long recordsChecked,
        @Nullable Long firstBrokenSequence,
        @Nullable String reason) {

    public boolean intact() {
        return firstBrokenSequence == null;
    }
}
