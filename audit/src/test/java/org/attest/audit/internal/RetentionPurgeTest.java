package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.attest.audit.Actor;
import org.attest.audit.AuditEventType;
import org.attest.audit.ChainVerification;
import org.attest.audit.CheckpointKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: a month past six years is dropped whole by the owner, leaving a signed PURGE checkpoint from which the
 * rest of the chain still verifies; everything inside the window, out of order, or holding the head is refused.
 */
class RetentionPurgeTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final Actor OPERATOR = new Actor("urn:attest:operator", "ops-on-call");

    AuditDatabase db;
    RetentionPurge purge;

    @BeforeEach
    void chainAcrossSevenYears() {
        db = AuditDatabase.create();
        appendAt("2019-01-10T00:00:00Z", 3);
        appendAt("2019-02-10T00:00:00Z", 2);
        appendAt("2026-06-01T00:00:00Z", 2);
        db.checkpoints(Clock.fixed(NOW, ZoneOffset.UTC)).sign(CheckpointKind.PERIODIC);
        // the owner's command runs as the superuser here, the tables' owner in production
        purge = new RetentionPurge(
                new JdbcTemplate(db.admin),
                new TransactionTemplate(new DataSourceTransactionManager(db.admin)),
                db.signingKey,
                new CheckpointExport(db.exportDir),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theOldestMonthPastRetentionIsDroppedAndTheRestStillVerifies() {
        RetentionPurge.Outcome outcome = purge.purge("audit_event_y2019m01", Period.ofYears(6), OPERATOR, false);

        assertThat(outcome.purged()).as(outcome.message()).isTrue();
        assertThat(outcome.checkpoint()).isNotNull();
        assertThat(outcome.checkpoint().kind()).isEqualTo(CheckpointKind.PURGE);
        assertThat(outcome.checkpoint().chainSequence()).isEqualTo(3);
        assertThat(partitions()).doesNotContain("audit_event_y2019m01").contains("audit_event_y2019m02");
        assertThat(db.exportDir.resolve(
                        CheckpointStatement.fileName(outcome.checkpoint().id())))
                .exists();
        assertThat(db.jdbc
                        .sql("SELECT min(seq) FROM audit_event")
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(db.jdbc
                        .sql("SELECT count(*) FROM audit_event WHERE event_type = :t")
                        .param("t", AuditEventType.AUDIT_PURGED.name())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        ChainVerification verification = db.trail().verify();
        assertThat(verification.intact()).as("%s", verification).isTrue();
        assertThat(verification.recordsChecked()).isEqualTo(5);

        assertThat(purge.purge("audit_event_y2019m02", Period.ofYears(6), OPERATOR, false)
                        .purged())
                .isTrue();
        assertThat(db.trail().verify().intact()).isTrue();
    }

    @Test
    void withoutItsPurgeCheckpointTheMissingMonthIsADeletion() throws Exception {
        purge.purge("audit_event_y2019m01", Period.ofYears(6), OPERATOR, false);
        db.tamper("DELETE FROM audit_checkpoint WHERE kind = 'PURGE'");
        java.nio.file.Files.list(db.exportDir)
                .filter(file -> file.getFileName().toString().endsWith("2.txt"))
                .forEach(file -> file.toFile().delete());

        ChainVerification verification = new ChainVerifier(
                        db.jdbc, CheckpointKeyRing.of(List.of(db.signingKey.publicKey())))
                .verify(CheckpointExport.Exported.NONE);

        assertThat(verification.firstBrokenSequence()).isEqualTo(1);
        assertThat(verification.reason()).isEqualTo(org.attest.audit.ChainBreak.ROW_DELETED);
    }

    @Test
    void aMonthInsideTheRetentionWindowIsRefused() {
        RetentionPurge.Outcome outcome = purge.purge("audit_event_y2019m01", Period.ofYears(8), OPERATOR, false);

        assertThat(outcome.purged()).isFalse();
        assertThat(outcome.message()).contains("inside the retention window", "2027-02-01");
        assertThat(partitions()).contains("audit_event_y2019m01");
    }

    @Test
    void aRetentionShorterThanSixYearsIsRefused() {
        assertThat(purge.purge("audit_event_y2019m01", Period.ofYears(5), OPERATOR, false)
                        .message())
                .contains("shorter than P6Y");
    }

    @Test
    void onlyTheOldestMonthMayGoAndNeverTheHead() {
        assertThat(purge.purge("audit_event_y2019m02", Period.ofYears(6), OPERATOR, false)
                        .message())
                .contains("oldest partition first: audit_event_y2019m01");
        assertThat(purge.purge("audit_event_y2019m05", Period.ofYears(6), OPERATOR, false)
                        .message())
                .contains("not a partition");
        assertThat(purge.purge("summary", Period.ofYears(6), OPERATOR, false).message())
                .contains("not an audit partition name");
        assertThat(partitions()).contains("audit_event_y2019m01", "audit_event_y2019m02");
    }

    @Test
    void aDryRunChangesNothing() {
        RetentionPurge.Outcome outcome = purge.purge("audit_event_y2019m01", Period.ofYears(6), OPERATOR, true);

        assertThat(outcome.purged()).isFalse();
        assertThat(outcome.message()).startsWith("dry run: purged audit_event_y2019m01");
        assertThat(partitions()).contains("audit_event_y2019m01");
        assertThat(db.jdbc
                        .sql("SELECT count(*) FROM audit_checkpoint")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private void appendAt(String time, int events) {
        ChainWriter writer = db.writer(Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
        for (int i = 0; i < events; i++) {
            db.transaction.execute(status -> writer.append(List.of(AuditEvents.released("text", 0.5))));
        }
    }

    private List<String> partitions() {
        return db.adminJdbc
                .sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " WHERE i.inhparent = 'audit_event'::regclass ORDER BY 1")
                .query(String.class)
                .list();
    }
}
