package org.attest.audit;

import java.util.List;

/** Signed checkpoints of the chain head, written to the checkpoint table and to the export directory. */
public interface AuditCheckpoints {

    /**
     * Signs the current head now, stores the checkpoint and exports it.
     *
     * @throws AuditUnavailableException when the database cannot take it
     */
    Checkpoint signNow();

    /** The most recent checkpoints, newest first. */
    List<Checkpoint> latest(int limit);
}
