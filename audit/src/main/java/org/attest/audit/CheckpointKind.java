package org.attest.audit;

/** Why a checkpoint was signed. Stored by name. */
public enum CheckpointKind {
    /** On the schedule; also when nothing was appended since the last one, so a deleted tail is provable. */
    PERIODIC,
    /** Asked for by a compliance officer or an operator. */
    ON_DEMAND,
    /** Left by a retention purge: rows up to its sequence are gone, and the chain resumes after it. */
    PURGE
}
