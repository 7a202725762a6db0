package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.attest.audit.ChainBreak;
import org.attest.audit.ChainVerification;
import org.attest.audit.CheckpointKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An intruder with superuser access turns the triggers off and changes the tables; the verifier points at the first
 * sequence that no longer holds. One seeded random chain of {@value #LENGTH} records with signed checkpoints at 10,
 * 25 and 40 serves every test: each tampering runs in a transaction that is verified and then rolled back.
 */
class ChainTamperingTest {

    static final int LENGTH = 40;
    static final long[] CHECKPOINTS = {10, 25, 40};

    static AuditDatabase db;
    static PostgresAuditTrail trail;
    static CheckpointKeyRing keys;

    @BeforeAll
    static void randomChainWithCheckpoints() {
        db = AuditDatabase.create();
        trail = db.trail();
        keys = CheckpointKeyRing.of(List.of(db.signingKey.publicKey()));
        PostgresCheckpoints checkpoints = db.checkpoints(Clock.systemUTC());
        Random random = new Random(20250307);
        for (int i = 1; i <= LENGTH; i++) {
            AuditEvent event = random.nextInt(3) == 0
                    ? AuditEvents.minimal("request-" + i)
                    : AuditEvents.released(
                            "request-" + i,
                            "summary " + i + " é\n" + random.nextLong(),
                            0.05 + 0.9 * random.nextDouble(),
                            // every other prediction of a remote model: rows with and without a served version
                            i % 2 == 0 ? AuditEvents.REMOTE_MODEL : AuditEvents.MODEL);
            db.transaction.execute(status -> trail.append(event));
            long sequence = i;
            if (LongStream.of(CHECKPOINTS).anyMatch(at -> at == sequence)) {
                checkpoints.sign(CheckpointKind.PERIODIC);
            }
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anUntouchedChainVerifiesWithItsCheckpoints() {
        ChainVerification verification = trail.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.recordsChecked()).isEqualTo(LENGTH);
        // three in the table, three exported
        assertThat(verification.checkpointsChecked()).isEqualTo(6);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "output = 'summary 4, edited'",
                "output = NULL",
                "event_time = event_time + interval '1 microsecond'",
                "actor_subject = 'someone-else'",
                "decision = 'REJECTED'",
                "rule = ''",
                "client_id = 'another-client'",
            })
    void anEditedColumnBreaksTheChainAtThatRow(String assignment) {
        assertBroken(tampered("UPDATE audit_event SET " + assignment + " WHERE seq = 4"), 4, ChainBreak.ROW_EDITED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'4'", "'3 '", "''", "NULL"})
    void anEditedServedVersionBreaksTheChainAtThatRow(String value) {
        long remote = firstRow("model_served_version IS NOT NULL");

        ChainVerification verification = tampered(
                // the table refuses '': an intruder drops the check first
                "ALTER TABLE audit_event DROP CONSTRAINT audit_event_served_version_check",
                "UPDATE audit_event SET model_served_version = " + value + " WHERE seq = " + remote);

        assertThat(verification.firstBrokenSequence()).as("%s", verification).isEqualTo(remote);
        assertThat(verification.reason()).isIn(ChainBreak.ROW_EDITED, ChainBreak.ROW_UNREADABLE);
    }

    @Test
    void aServedVersionGivenToARowWithoutOneBreaksTheChainAtThatRow() {
        long local = firstRow("model_name IS NOT NULL AND model_served_version IS NULL");

        assertBroken(
                tampered("UPDATE audit_event SET model_served_version = '3' WHERE seq = " + local),
                local,
                ChainBreak.ROW_EDITED);
    }

    @Test
    void aServedVersionWithoutAModelIsReportedAtItsRow() {
        long modelless = firstRow("model_name IS NULL");

        assertBroken(
                tampered(
                        "ALTER TABLE audit_event DROP CONSTRAINT audit_event_served_version_check",
                        "UPDATE audit_event SET model_served_version = '3' WHERE seq = " + modelless),
                modelless,
                ChainBreak.ROW_UNREADABLE);
    }

    private static long firstRow(String condition) {
        return db.adminJdbc
                .sql("SELECT min(seq) FROM audit_event WHERE " + condition)
                .query(Long.class)
                .single();
    }

    @Test
    void anEditWithARecomputedHashBreaksTheNextLink() {
        AuditRecord original = trail.findByRequestId("request-6").getFirst();
        AuditEvent event = original.event();
        AuditEvent forged = new AuditEvent(
                event.type(),
                event.actor(),
                event.clientId(),
                event.requestId(),
                event.subjectId(),
                event.input(),
                "a forged summary",
                event.confidence(),
                event.model(),
                event.redactionPolicyVersion(),
                event.decision(),
                event.rule());
        String forgedHash = CanonicalEncoding.hash(
                original.prevHash(),
                CanonicalEncoding.encode(original.sequence(), original.time(), forged, original.prevHash()));

        assertBroken(
                tampered("UPDATE audit_event SET output = 'a forged summary', hash = '" + forgedHash
                        + "' WHERE seq = 6"),
                7,
                ChainBreak.ROWS_REORDERED);
    }

    @Test
    void aValueNoAppendWritesIsReportedAtItsRow() {
        assertBroken(
                tampered("UPDATE audit_event SET event_type = 'FORGED' WHERE seq = 5"), 5, ChainBreak.ROW_UNREADABLE);
    }

    @ParameterizedTest
    @CsvSource({"1", "5", "39"})
    void aDeletedRowIsAGapAtItsSequence(long deleted) {
        assertBroken(tampered("DELETE FROM audit_event WHERE seq = " + deleted), deleted, ChainBreak.ROW_DELETED);
    }

    @Test
    void swappedRowsBreakTheLinkAtTheFirstOfThem() {
        assertBroken(
                tampered(
                        "UPDATE audit_event SET seq = 1000 WHERE seq = 3",
                        "UPDATE audit_event SET seq = 3 WHERE seq = 7",
                        "UPDATE audit_event SET seq = 7 WHERE seq = 1000"),
                3,
                ChainBreak.ROWS_REORDERED);
    }

    @Test
    void aDeletedTailIsCaughtByTheCheckpointPastIt() {
        assertBroken(tampered("DELETE FROM audit_event WHERE seq > 33"), 34, ChainBreak.TAIL_TRUNCATED);
    }

    @Test
    void aRewrittenChainIsCaughtByTheCheckpointItContradicts() {
        // a consistent rewrite from sequence 20 on: every link holds, but checkpoint 25 signed another hash
        List<String> rewrite = new ArrayList<>();
        rewrite.add("DELETE FROM audit_event WHERE seq >= 20");
        String previous = trail.findByRequestId("request-19").getFirst().hash();
        Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (long sequence = 20; sequence <= LENGTH; sequence++) {
            AuditEvent event = AuditEvents.minimal("rewritten-" + sequence);
            String hash = CanonicalEncoding.hash(previous, CanonicalEncoding.encode(sequence, time, event, previous));
            rewrite.add("INSERT INTO audit_event (seq, event_time, event_type, actor_issuer, actor_subject, client_id,"
                    + " request_id, prev_hash, hash) VALUES (" + sequence + ", '" + time
                    + "', 'RELEASE_POLICY_OVERRIDDEN', 'urn:attest', 'system', 'attest', 'rewritten-" + sequence
                    + "', '" + previous + "', '" + hash + "')");
            previous = hash;
        }

        assertBroken(tampered(rewrite.toArray(String[]::new)), 25, ChainBreak.CHECKPOINT_MISMATCH);
    }

    @Test
    void anEditedCheckpointNoLongerVerifies() {
        assertBroken(
                tampered("UPDATE audit_checkpoint SET chain_seq = 26 WHERE chain_seq = 25"),
                26,
                ChainBreak.BAD_SIGNATURE);
    }

    @Test
    void aTailCutTogetherWithItsCheckpointsIsCaughtByTheExportedCopy() {
        ChainVerification withExport =
                tampered("DELETE FROM audit_event WHERE seq > 30", "DELETE FROM audit_checkpoint WHERE chain_seq > 30");

        assertBroken(withExport, 31, ChainBreak.TAIL_TRUNCATED);
    }

    @Test
    void withoutTheOutsideCopyTheSameCutLooksLikeAShorterChain() {
        // the known limit: what the database alone holds can be cut back consistently; the exported checkpoints,
        // held outside it, are what proves the cut
        ChainVerification databaseOnly = db.adminTransaction.execute(status -> {
            replica();
            db.adminJdbc.sql("DELETE FROM audit_event WHERE seq > 30").update();
            db.adminJdbc
                    .sql("DELETE FROM audit_checkpoint WHERE chain_seq > 30")
                    .update();
            status.setRollbackOnly();
            return new ChainVerifier(db.adminJdbc, keys).verify(CheckpointExport.Exported.NONE);
        });

        assertThat(databaseOnly).isNotNull();
        assertThat(databaseOnly.intact()).isTrue();
        assertThat(databaseOnly.recordsChecked()).isEqualTo(30);
    }

    /** Seeded random tampering: one byte of one column, a row deleted, two rows swapped, or the tail cut. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomTamperingIsCaughtAtTheRightSequence(long seed) {
        Tampering tampering = Tampering.random(new Random(seed), LENGTH, db.adminJdbc);

        ChainVerification verification = tampered(tampering.statements().toArray(String[]::new));

        assertThat(verification.firstBrokenSequence()).as("%s", tampering).isEqualTo(tampering.expectedSequence());
        assertThat(verification.reason()).as("%s", tampering).isIn(tampering.expectedReasons());
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    /** Applies the statements with triggers off, verifies in the same transaction, and rolls everything back. */
    private static ChainVerification tampered(String... statements) {
        ChainVerification verification = db.adminTransaction.execute(status -> {
            replica();
            for (String statement : statements) {
                db.adminJdbc.sql(statement).update();
            }
            status.setRollbackOnly();
            return new ChainVerifier(db.adminJdbc, keys).verify(new CheckpointExport(db.exportDir).readAll());
        });
        assertThat(verification).isNotNull();
        return verification;
    }

    private static void replica() {
        db.adminJdbc
                .sql("SELECT set_config('session_replication_role', 'replica', true)")
                .query(String.class)
                .single();
    }

    private static void assertBroken(ChainVerification verification, long sequence, ChainBreak reason) {
        assertThat(verification.firstBrokenSequence()).as("%s", verification).isEqualTo(sequence);
        assertThat(verification.reason()).as("%s", verification).isEqualTo(reason);
    }
}
