package org.attest.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.Checkpoint;
import org.attest.audit.CheckpointKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the oldest monthly partition of {@code audit_event} once its retention has passed, as the tables' owner.
 *
 * <p>In one transaction, under the chain lock: refuse unless the partition is the oldest, ends before
 * {@code now - retention}, does not hold the chain head, and the row after its last one links to it; sign a PURGE
 * checkpoint of its last row (the chain resumes there, and the verifier starts from it); append an AUDIT_PURGED
 * event; detach and drop it. The checkpoint is exported after the commit.
 */
final class RetentionPurge {

    /** HIPAA 164.316(b)(2)(i): six years. A shorter retention is refused. */
    static final Period MINIMUM_RETENTION = Period.ofYears(6);

    private static final Pattern PARTITION = Pattern.compile("audit_event_y(\\d{4})m(\\d{2})");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SigningKey key;
    private final CheckpointExport export;
    private final Clock clock;

    RetentionPurge(
            JdbcTemplate jdbc, TransactionTemplate transaction, SigningKey key, CheckpointExport export, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.key = key;
        this.export = export;
        this.clock = clock;
    }

    /**
     * What a purge did, or why it refused.
     *
     * @param purged whether the partition is gone (false on refusal and on a dry run)
     * @param message what happened, for the operator
     * @param checkpoint the PURGE checkpoint left behind, if the partition held rows
     */
    record Outcome(boolean purged, String message, @Nullable Checkpoint checkpoint) {}

    Outcome purge(String partition, Period retention, Actor operator, boolean dryRun) {
        Matcher name = PARTITION.matcher(partition);
        if (!name.matches()) {
            return refused(partition + " is not an audit partition name (audit_event_yYYYYmMM)");
        }
        if (retention.toTotalMonths() < MINIMUM_RETENTION.toTotalMonths()) {
            return refused("retention " + retention + " is shorter than " + MINIMUM_RETENTION);
        }
        YearMonth month = YearMonth.of(Integer.parseInt(name.group(1)), Integer.parseInt(name.group(2)));
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant keepUntil = end.atOffset(ZoneOffset.UTC).plus(retention).toInstant();
        if (keepUntil.isAfter(clock.instant())) {
            return refused(partition + " is inside the retention window: its rows must be kept until " + keepUntil);
        }
        Outcome outcome = transaction.execute(status -> {
            Outcome inside = purgeLocked(partition, month, operator);
            if (dryRun || !inside.purged()) {
                status.setRollbackOnly();
            }
            return dryRun && inside.purged() ? new Outcome(false, "dry run: " + inside.message(), null) : inside;
        });
        if (outcome == null) {
            throw new IllegalStateException("purge transaction returned nothing");
        }
        if (outcome.purged() && outcome.checkpoint() != null) {
            export.write(outcome.checkpoint());
        }
        return outcome;
    }

    private Outcome purgeLocked(String partition, YearMonth month, Actor operator) {
        JdbcClient client = JdbcClient.create(jdbc);
        Optional<String> refusal = refusal(client, partition);
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        Optional<ChainWriter.Head> last = client.sql(
                        "SELECT seq, hash FROM " + partition + " ORDER BY seq DESC LIMIT 1")
                .query((rs, row) -> new ChainWriter.Head(rs.getLong("seq"), rs.getString("hash")))
                .optional();
        long rows = client.sql("SELECT count(*) FROM " + partition)
                .query(Long.class)
                .single();
        Checkpoint checkpoint = null;
        if (last.isPresent()) {
            if (!linksAfter(client, last.get())) {
                return refused("the chain does not link after " + partition + ": verify it before purging");
            }
            checkpoint = CheckpointLedger.insert(client, CheckpointKind.PURGE, last.get(), key, clock);
        }
        String what = rows + " rows, "
                + last.map(head -> "up to sequence " + head.sequence()).orElse("no rows");
        recordAndDrop(client, partition, operator, what);
        return new Outcome(true, "purged " + partition + " (" + month + "): " + what, checkpoint);
    }

    /** Why the partition may not go now, if it may not; takes the chain lock on the way. */
    private static Optional<String> refusal(JdbcClient client, String partition) {
        client.sql("SELECT set_config('lock_timeout', '5s', true)")
                .query(String.class)
                .single();
        List<String> partitions = client.sql("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = 'audit_event'::regclass ORDER BY c.relname""").query(String.class).list();
        if (!partitions.contains(partition)) {
            return Optional.of(partition + " is not a partition of audit_event");
        }
        if (!partitions.getFirst().equals(partition)) {
            return Optional.of("purge the oldest partition first: " + partitions.getFirst());
        }
        ChainWriter.lock(client);
        Optional<String> headPartition = client.sql(
                        "SELECT tableoid::regclass::text FROM audit_event ORDER BY seq DESC LIMIT 1")
                .query(String.class)
                .optional();
        if (headPartition.isPresent() && headPartition.get().equals(partition)) {
            return Optional.of(partition + " holds the chain head; it can be purged once newer events exist");
        }
        return Optional.empty();
    }

    /** Whether the row after {@code last} links to it, so that the chain resumes exactly there. */
    private static boolean linksAfter(JdbcClient client, ChainWriter.Head last) {
        Optional<String> next = client.sql("SELECT prev_hash FROM audit_event WHERE seq = :seq")
                .param("seq", last.sequence() + 1)
                .query(String.class)
                .optional();
        return next.isPresent() && next.get().equals(last.hash());
    }

    private void recordAndDrop(JdbcClient client, String partition, Actor operator, String what) {
        new ChainWriter(jdbc, clock, new AuditPartitions(Objects.requireNonNull(jdbc.getDataSource())))
                .append(List.of(AuditEvent.builder(
                                AuditEventType.AUDIT_PURGED,
                                operator,
                                "attest-audit-tool",
                                UUID.randomUUID().toString())
                        .subject(partition)
                        .decision("PURGED", what)
                        .build()));
        client.sql("ALTER TABLE audit_event DETACH PARTITION " + partition).update();
        client.sql("DROP TABLE " + partition).update();
    }

    private static Outcome refused(String why) {
        return new Outcome(false, "refused: " + why, null);
    }
}
