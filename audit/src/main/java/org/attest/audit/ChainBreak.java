package org.attest.audit;

/** Why the chain does not verify at a sequence. Reported by name; the descriptions are PHI-free. */
public enum ChainBreak {
    ROW_EDITED("hash mismatch (row edited)"),
    ROW_UNREADABLE("row holds values no append writes (row edited)"),
    ROW_DELETED("sequence gap (row deleted)"),
    ROWS_REORDERED("prev_hash does not link or sequence repeats (rows reordered or replaced)"),
    TAIL_TRUNCATED("a signed checkpoint names a sequence past the head (tail truncated)"),
    CHECKPOINT_MISMATCH("a signed checkpoint's hash differs from the row at its sequence (chain rewritten)"),
    BAD_SIGNATURE("a checkpoint's signature does not verify under any trusted key (checkpoint forged or edited)"),
    CHECKPOINT_DELETED("a checkpoint is missing from the database (checkpoint deleted)");

    private final String description;

    ChainBreak(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
