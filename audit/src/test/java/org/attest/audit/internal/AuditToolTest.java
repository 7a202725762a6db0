package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.attest.audit.CheckpointKind;
import org.attest.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line an auditor runs: with only a read-only database login and the public key it verifies the chain
 * and its exported checkpoints; the operator's purge refuses inside the retention window; keys are generated.
 */
class AuditToolTest {

    static AuditDatabase db;
    static Path publicKey;

    @TempDir
    static Path dir;

    @BeforeAll
    static void chain() throws Exception {
        db = AuditDatabase.create();
        PostgresAuditTrail trail = db.trail();
        for (int i = 0; i < 5; i++) {
            db.transaction.execute(status -> trail.append(AuditEvents.released("text", 0.5)));
        }
        db.checkpoints(Clock.systemUTC()).sign(CheckpointKind.PERIODIC);
        publicKey = dir.resolve("checkpoint.pub");
        Files.writeString(publicKey, db.signingKey.publicPem());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theAuditorVerifiesWithAReadOnlyLoginAndThePublicKey() {
        Run run = run(
                "verify",
                "--url",
                TestPostgres.asRole(db.adminUrl, "attest_auditor"),
                "--public-key",
                publicKey.toString(),
                "--checkpoints",
                db.exportDir.toString());

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("records checked:     5", "checkpoints checked: 2", "chain intact");
    }

    @Test
    void aTruncatedTailFailsVerificationAtItsSequence() throws Exception {
        db.tamper(
                "CREATE TABLE saved AS SELECT * FROM audit_event WHERE seq > 3",
                "DELETE FROM audit_event WHERE seq > 3");
        try {
            Run run = run(
                    "verify",
                    "--url",
                    TestPostgres.asRole(db.adminUrl, "attest_auditor"),
                    "--public-key",
                    publicKey.toString());

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("chain BROKEN at sequence 4: TAIL_TRUNCATED");
        } finally {
            db.tamper("INSERT INTO audit_event SELECT * FROM saved", "DROP TABLE saved");
        }
    }

    @Test
    void theOperatorsPurgeRefusesInsideTheRetentionWindow() throws Exception {
        Path signingKey = dir.resolve("signing.pem");
        Files.writeString(signingKey, db.signingKey.privatePem());
        String partition = db.adminJdbc
                .sql("SELECT tableoid::regclass::text FROM audit_event LIMIT 1")
                .query(String.class)
                .single();

        Run run = run(
                "purge",
                "--url",
                db.adminUrl,
                "--signing-key",
                signingKey.toString(),
                "--partition",
                partition,
                "--operator",
                "ops",
                "--checkpoints",
                dir.resolve("exports").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("refused: " + partition + " is inside the retention window");
    }

    @Test
    void partitionsAreListed() {
        Run run = run("partitions", "--url", TestPostgres.asRole(db.adminUrl, "attest_auditor"));

        assertThat(run.status()).isZero();
        assertThat(run.output()).contains("audit_event_y", "FOR VALUES FROM");
    }

    @Test
    void keygenWritesANewKeyPairAndRefusesToOverwrite() throws Exception {
        Path out = dir.resolve("new-key.pem");

        Run first = run("keygen", "--out", out.toString());
        Run second = run("keygen", "--out", out.toString());

        assertThat(first.status()).isZero();
        SigningKey key = SigningKey.read(out);
        assertThat(first.output()).contains(key.keyId());
        assertThat(CheckpointKeyRing.keyId(CheckpointKeyRing.readPublicKey(Path.of(out + ".pub"))))
                .isEqualTo(key.keyId());
        assertThat(second.status()).isEqualTo(2);
    }

    @Test
    void misuseIsAnErrorWithUsage() {
        assertThat(run().status()).isEqualTo(2);
        assertThat(run("frobnicate").output()).contains("unknown command", "usage");
        assertThat(run("verify", "--url").output()).contains("--url needs a value");
        assertThat(run("verify", "--url", "jdbc:postgresql://127.0.0.1:1/none").output())
                .contains("at least one --public-key");
    }

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = AuditTool.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String output) {}
}
