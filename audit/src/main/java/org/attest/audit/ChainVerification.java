package org.attest.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking the chain and checking its signed checkpoints.
 *
 * @param recordsChecked how many records were read and found linked
 * @param checkpointsChecked how many checkpoints (from the database and the export directory) were checked
 * @param firstBrokenSequence the first sequence that does not hold, or null when intact
 * @param reason why it does not hold, or null when intact
 */
public record ChainVerification(
        long recordsChecked,
        long checkpointsChecked,
        @Nullable Long firstBrokenSequence,
        @Nullable ChainBreak reason) {

    public boolean intact() {
        return firstBrokenSequence == null;
    }
}
