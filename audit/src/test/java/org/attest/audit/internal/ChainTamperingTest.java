package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.attest.audit.ChainVerification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An intruder with superuser access turns the triggers off and changes the table; the verifier points at the first
 * row that no longer follows from the one before. Each test gets its own database and a chain of ten records.
 */
class ChainTamperingTest {

    static final int LENGTH = 10;

    AuditDatabase db;
    PostgresAuditTrail trail;

    @BeforeEach
    void chainOfTen() {
        db = AuditDatabase.create();
        trail = db.trail();
        for (int i = 1; i <= LENGTH; i++) {
            AuditEvent event = i % 2 == 0
                    ? AuditEvents.released("request-" + i, "summary " + i, i / 10.0)
                    : AuditEvents.minimal("request-" + i);
            db.transaction.execute(status -> trail.append(event));
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anUntouchedChainVerifies() {
        assertThat(trail.verify()).isEqualTo(new ChainVerification(LENGTH, null, null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "output = 'summary 4, edited'",
                "output = NULL",
                "confidence = 0.41",
                "event_time = event_time + interval '1 microsecond'",
                "actor_subject = 'someone-else'",
                "decision = 'REJECTED'",
                "rule = ''",
                "event_type = 'PREDICTION_QUEUED_FOR_REVIEW'",
                "model_card_hash = NULL",
            })
    void anEditedColumnBreaksTheChainAtThatRow(String assignment) throws SQLException {
        db.tamper("UPDATE audit_event SET " + assignment + " WHERE seq = 4");

        assertThat(trail.verify()).isEqualTo(new ChainVerification(3, 4L, ChainVerifier.ROW_EDITED));
    }

    @Test
    void anEditWithARecomputedHashBreaksTheNextLink() throws SQLException {
        AuditRecord original = trail.findByRequestId("request-6").getFirst();
        AuditEvent forged = AuditEvents.released("request-6", "a forged summary", 0.99);
        String forgedHash = CanonicalEncoding.hash(
                original.prevHash(),
                CanonicalEncoding.encode(original.sequence(), original.time(), forged, original.prevHash()));
        db.tamper("UPDATE audit_event SET output = 'a forged summary', confidence = 0.99, subject_id = '"
                + forged.subjectId() + "', hash = '" + forgedHash + "' WHERE seq = 6");

        assertThat(trail.verify()).isEqualTo(new ChainVerification(6, 7L, ChainVerifier.NOT_LINKED));
    }

    @Test
    void aValueNoAppendWritesIsReportedAtItsRow() throws SQLException {
        db.tamper("UPDATE audit_event SET event_type = 'FORGED' WHERE seq = 5");

        assertThat(trail.verify()).isEqualTo(new ChainVerification(4, 5L, ChainVerifier.ROW_UNREADABLE));
    }

    @ParameterizedTest
    @CsvSource({"1", "5", "9"})
    void aDeletedRowIsAGapAtItsSequence(long deleted) throws SQLException {
        db.tamper("DELETE FROM audit_event WHERE seq = " + deleted);

        assertThat(trail.verify()).isEqualTo(new ChainVerification(deleted - 1, deleted, ChainVerifier.ROW_DELETED));
    }

    @Test
    void swappedRowsBreakTheLinkAtTheFirstOfThem() throws SQLException {
        db.tamper(
                "UPDATE audit_event SET seq = 1000 WHERE seq = 3",
                "UPDATE audit_event SET seq = 3 WHERE seq = 7",
                "UPDATE audit_event SET seq = 7 WHERE seq = 1000");

        assertThat(trail.verify()).isEqualTo(new ChainVerification(2, 3L, ChainVerifier.NOT_LINKED));
    }

    @Test
    void aDeletedTailIsInvisibleToAPlainChain() throws SQLException {
        // The known limit of a chain without an outside commitment: what remains is still a valid chain. Signed
        // checkpoints of the head, held outside the database, are what will catch this.
        db.tamper("DELETE FROM audit_event WHERE seq > 7");

        assertThat(trail.verify()).isEqualTo(new ChainVerification(7, null, null));
    }
}
