package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.attest.audit.ChainVerification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** The trail on a real PostgreSQL: appends join the caller's transaction, stay linear, and cannot be changed. */
class PostgresAuditTrailTest {

    static AuditDatabase db;
    static PostgresAuditTrail trail;

    @BeforeAll
    static void database() {
        db = AuditDatabase.create();
        trail = db.trail();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anAppendInATransactionIsStoredAsReturnedAndItsHashRecomputes() {
        AuditEvent event = AuditEvents.released("the redacted summary", 0.8125);

        AuditRecord appended = db.transaction.execute(status -> trail.append(event));

        assertThat(appended).isNotNull();
        assertThat(appended.event()).isEqualTo(event);
        assertThat(trail.findByRequestId(event.requestId())).containsExactly(appended);
        Map<String, Object> row = db.jdbc
                .sql("SELECT * FROM audit_event WHERE seq = :seq")
                .param("seq", appended.sequence())
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("event_type", "PREDICTION_RELEASED")
                .containsEntry("actor_issuer", "http://localhost:8080")
                .containsEntry("actor_subject", "demo-consumer")
                .containsEntry("output", "the redacted summary")
                .containsEntry("confidence", 0.8125)
                .containsEntry("model_card_hash", "cd".repeat(32))
                .containsEntry("input_hmac_key_id", "k1")
                .containsEntry("rule", null)
                .containsEntry("hash", appended.hash());
        String previous = appended.sequence() == 1
                ? CanonicalEncoding.GENESIS
                : db.jdbc
                        .sql("SELECT hash FROM audit_event WHERE seq = :seq")
                        .param("seq", appended.sequence() - 1)
                        .query(String.class)
                        .single();
        assertThat(appended.prevHash()).isEqualTo(previous);
        assertThat(CanonicalEncoding.hash(previous, CanonicalEncoding.encode(appended)))
                .isEqualTo(appended.hash());
    }

    @Test
    void theFirstRecordLinksToTheGenesisHash() {
        db.transaction.execute(status -> trail.append(AuditEvents.minimal("first")));

        assertThat(db.jdbc
                        .sql("SELECT prev_hash FROM audit_event WHERE seq = 1")
                        .query(String.class)
                        .single())
                .isEqualTo("0".repeat(64));
    }

    @Test
    void anAppendOutsideATransactionIsRefusedAndWritesNothing() {
        long before = db.count();

        assertThatThrownBy(() -> trail.append(AuditEvents.minimal("no-transaction")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
        assertThat(db.count()).isEqualTo(before);
    }

    @Test
    void timeComesFromTheClockInUtcMicroseconds() {
        Instant now = Instant.parse("2025-03-04T05:06:07.123456789Z");
        PostgresAuditTrail fixed = db.trail(Clock.fixed(now, ZoneOffset.ofHours(2)));

        AuditRecord record = db.transaction.execute(status -> fixed.append(AuditEvents.minimal("clock")));

        assertThat(record).isNotNull();
        assertThat(record.time()).isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
        assertThat(trail.findByRequestId("clock").getFirst().time()).isEqualTo(record.time());
    }

    @Test
    void aRolledBackAppendLeavesNeitherARowNorAGap() {
        long before = db.count();
        db.transaction.executeWithoutResult(status -> {
            trail.append(AuditEvents.minimal("rolled-back"));
            status.setRollbackOnly();
        });

        AuditRecord next = db.transaction.execute(status -> trail.append(AuditEvents.minimal("after-rollback")));

        assertThat(trail.findByRequestId("rolled-back")).isEmpty();
        assertThat(next).isNotNull();
        assertThat(next.sequence()).isEqualTo(before + 1);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsFormOneGaplessChain() throws Exception {
        long before = db.count();
        List<Callable<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            writers.add(() -> {
                for (int i = 0; i < 25; i++) {
                    db.transaction.execute(status -> trail.append(AuditEvents.released("concurrent", 0.5)));
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Void> writer : pool.invokeAll(writers)) {
                writer.get();
            }
        }

        assertThat(db.count()).isEqualTo(before + 200);
        assertThat(db.jdbc
                        .sql("SELECT max(seq) FROM audit_event")
                        .query(Long.class)
                        .single())
                .isEqualTo(db.count());
        ChainVerification verification = trail.verify();
        assertThat(verification.intact())
                .as(String.valueOf(verification.reason()))
                .isTrue();
        assertThat(verification.recordsChecked()).isEqualTo(db.count());
    }

    @Test
    void storedValuesReadBackToTheSameHash() {
        Random random = new Random(20250304);
        List<AuditRecord> appended = new ArrayList<>();
        String requestId = UUID.randomUUID().toString();
        for (int i = 0; i < 50; i++) {
            double confidence = i == 0 ? 0.0 : i == 1 ? 1.0 : i == 2 ? Double.MIN_VALUE : random.nextDouble();
            String output = i % 5 == 0 ? "" : "line one\nline two é ✓ " + random.nextLong();
            appended.add(db.transaction.execute(
                    status -> trail.append(AuditEvents.released(requestId, output, confidence))));
        }

        assertThat(trail.findByRequestId(requestId)).containsExactlyElementsOf(appended);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aGroupInsertedInOneStatementReadsBackToTheSameRecords() {
        Random random = new Random(20250308);
        String requestId = UUID.randomUUID().toString();
        List<AuditEvent> group = new ArrayList<>();
        double[] edges = {0.0, 1.0, Double.MIN_VALUE, 0.1 + 0.2, 1e-300};
        for (int i = 0; i < 60; i++) {
            double confidence = i < edges.length ? edges[i] : random.nextDouble();
            String output = switch (i % 4) {
                case 0 -> "";
                case 1 -> "comma, \"quote\", newline\nand ✓ é {braces} \\ backslash NULL";
                case 2 -> "{\"a\",\"b\"}";
                default -> "plain " + random.nextLong();
            };
            group.add(
                    i % 7 == 0 ? AuditEvents.minimal(requestId) : AuditEvents.released(requestId, output, confidence));
        }

        List<AuditRecord> appended =
                db.transaction.execute(status -> db.writer(Clock.systemUTC()).append(group));

        assertThat(appended).hasSize(60);
        assertThat(trail.findByRequestId(requestId)).containsExactlyElementsOf(appended);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aServedVersionIsStoredReadBackAndCoveredByTheChain() {
        String requestId = UUID.randomUUID().toString();
        List<AuditEvent> group = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            group.add(AuditEvents.released(
                    requestId, "summary " + i, 0.5, i % 3 == 0 ? AuditEvents.MODEL : AuditEvents.REMOTE_MODEL));
        }
        // a month whose partition does not exist yet: the partition made now has the column too
        PostgresAuditTrail longAgo = db.trail(Clock.fixed(Instant.parse("2018-03-15T12:00:00Z"), ZoneOffset.UTC));

        List<AuditRecord> grouped =
                db.transaction.execute(status -> db.writer(Clock.systemUTC()).append(group));
        AuditRecord alone = db.transaction.execute(status ->
                longAgo.append(AuditEvents.released(requestId, "summary in 2018", 0.5, AuditEvents.REMOTE_MODEL)));

        assertThat(grouped).isNotNull();
        assertThat(alone).isNotNull();
        List<AuditRecord> stored = trail.findByRequestId(requestId);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(concat(grouped, alone));
        assertThat(stored.stream().map(r -> r.event().model().servedVersion()))
                .containsOnly("3", (String) null)
                .containsNull();
        assertThat(db.adminJdbc
                        .sql("SELECT model_served_version FROM audit_event_y2018m03 WHERE seq = :seq")
                        .param("seq", alone.sequence())
                        .query(String.class)
                        .single())
                .isEqualTo("3");
        assertThat(db.adminJdbc
                        .sql("SELECT count(*) FROM audit_event WHERE request_id = :r AND model_served_version IS NULL")
                        .param("r", requestId)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesAServedVersionWithoutAModelOrAnEmptyOne() {
        String columns = "seq, event_time, event_type, actor_issuer, actor_subject, client_id, request_id, prev_hash,"
                + " hash, model_served_version";
        assertThatThrownBy(() -> db.jdbc
                        .sql("INSERT INTO audit_event (" + columns + ") VALUES (100000, now(),"
                                + " 'X', 'i', 's', 'c', 'r', repeat('a', 64), repeat('a', 64), '3')")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_event_served_version_check");
        assertThatThrownBy(() -> db.jdbc
                        .sql("INSERT INTO audit_event (" + columns + ", model_name, model_version,"
                                + " model_sha256) VALUES (100000, now(), 'X', 'i', 's', 'c', 'r', repeat('a', 64),"
                                + " repeat('a', 64), '', 'm', '1', repeat('a', 64))")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_event_served_version_check");
    }

    private static List<AuditRecord> concat(List<AuditRecord> records, AuditRecord one) {
        List<AuditRecord> all = new ArrayList<>(records);
        all.add(one);
        return all;
    }

    @Test
    void anAppendInAMonthWithoutAPartitionCreatesItFirst() {
        Instant longAgo = Instant.parse("2019-07-15T12:00:00Z");
        PostgresAuditTrail fixed = db.trail(Clock.fixed(longAgo, ZoneOffset.UTC));

        AuditRecord record = db.transaction.execute(status -> fixed.append(AuditEvents.minimal("old-month")));

        assertThat(record).isNotNull();
        assertThat(db.adminJdbc
                        .sql("SELECT tableoid::regclass::text FROM audit_event WHERE seq = :seq")
                        .param("seq", record.sequence())
                        .query(String.class)
                        .single())
                .isEqualTo("audit_event_y2019m07");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesRowsNoAppendWrites() {
        assertThatThrownBy(() -> db.jdbc.sql("""
                        INSERT INTO audit_event (seq, event_time, event_type, actor_issuer, actor_subject, client_id,
                            request_id, prev_hash, hash)
                        VALUES (0, now(), 'X', 'i', 's', 'c', 'r', repeat('0', 64), repeat('A', 64))
                        """).update()).isInstanceOf(DataAccessException.class);
    }
}
