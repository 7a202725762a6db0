package org.attest.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.attest.audit.Checkpoint;
import org.attest.audit.CheckpointKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Once the application is ready: publishes the signing key's public half to the export directory, exports the
 * checkpoints that have no file yet, and creates the audit partitions of this month and the next two. Then, every
 * {@code interval}, signs a PERIODIC checkpoint — also when nothing was appended, so that each interval has its
 * commitment and a deleted tail is provable — and repeats the maintenance. Failures are logged and retried on the
 * next tick; they never stop the service.
 */
final class CheckpointSchedule implements AutoCloseable {

    static final int PARTITIONS_AHEAD = 2;

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final PostgresCheckpoints checkpoints;
    private final AuditPartitions partitions;
    private final CheckpointExport export;
    private final SigningKey signingKey;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-checkpoints");
        thread.setDaemon(true);
        return thread;
    });

    CheckpointSchedule(
            PostgresCheckpoints checkpoints,
            AuditPartitions partitions,
            CheckpointExport export,
            SigningKey signingKey,
            Duration interval,
            Clock clock) {
        this.checkpoints = checkpoints;
        this.partitions = partitions;
        this.export = export;
        this.signingKey = signingKey;
        this.interval = interval;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        maintain();
        long millis = interval.toMillis();
        timer.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
        log.info(
                "signing audit checkpoints every {} with key {}, exported to {}",
                interval,
                signingKey.keyId(),
                export.directory().toAbsolutePath());
    }

    void tick() {
        try {
            Checkpoint checkpoint = checkpoints.sign(CheckpointKind.PERIODIC);
            log.debug("checkpoint {} at sequence {}", checkpoint.id(), checkpoint.chainSequence());
        } catch (RuntimeException e) {
            log.warn(
                    "periodic audit checkpoint failed, retrying next interval: {}",
                    e.getClass().getName());
        }
        maintain();
    }

    private void maintain() {
        try {
            export.writePublicKey(signingKey.publicKey());
            checkpoints.exportMissing();
        } catch (RuntimeException e) {
            log.warn("audit checkpoint export failed, retrying next interval: {}", e.getMessage());
        }
        try {
            partitions.ensureAhead(clock.instant(), PARTITIONS_AHEAD);
        } catch (RuntimeException e) {
            log.warn("audit partitions could not be created ahead, retrying next interval: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
