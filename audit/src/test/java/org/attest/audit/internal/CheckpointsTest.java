package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.attest.audit.ChainBreak;
import org.attest.audit.ChainVerification;
import org.attest.audit.Checkpoint;
import org.attest.audit.CheckpointKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed checkpoints on a real database: the head signed with Ed25519 under a key that is not in the database,
 * stored and exported, also for empty intervals; rotated keys keep old checkpoints verifiable; a missing key or an
 * edited checkpoint is a bad signature.
 */
class CheckpointsTest {

    static final Instant NOW = Instant.parse("2026-05-04T10:15:30.123456Z");

    AuditDatabase db;
    PostgresAuditTrail trail;
    PostgresCheckpoints checkpoints;

    @BeforeEach
    void database() {
        db = AuditDatabase.create();
        trail = db.trail();
        checkpoints = db.checkpoints(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEmptyChainIsCheckpointedAtTheGenesis() {
        Checkpoint checkpoint = checkpoints.sign(CheckpointKind.PERIODIC);

        assertThat(checkpoint.id()).isEqualTo(1);
        assertThat(checkpoint.chainSequence()).isZero();
        assertThat(checkpoint.chainHash()).isEqualTo(CanonicalEncoding.GENESIS);
        assertThat(checkpoint.signedAt()).isEqualTo(NOW);
        assertThat(checkpoint.keyId()).isEqualTo(db.signingKey.keyId()).matches("ed25519:[0-9a-f]{16}");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theHeadIsSignedStoredAndExportedAndAnEmptyIntervalStillGetsItsCheckpoint() throws Exception {
        for (int i = 0; i < 3; i++) {
            db.transaction.execute(status -> trail.append(AuditEvents.released("text", 0.7)));
        }
        Checkpoint first = checkpoints.sign(CheckpointKind.PERIODIC);
        Checkpoint empty = checkpoints.sign(CheckpointKind.PERIODIC);
        Checkpoint onDemand = checkpoints.signNow();

        assertThat(List.of(first.id(), empty.id(), onDemand.id())).containsExactly(1L, 2L, 3L);
        assertThat(empty.chainSequence()).isEqualTo(first.chainSequence()).isEqualTo(3);
        assertThat(empty.chainHash()).isEqualTo(first.chainHash());
        assertThat(onDemand.kind()).isEqualTo(CheckpointKind.ON_DEMAND);
        assertThat(checkpoints.latest(2)).containsExactly(onDemand, empty);

        Path file = db.exportDir.resolve("attest-checkpoint-000000000001.txt");
        String exported = Files.readString(file);
        assertThat(CheckpointStatement.parse(exported)).isEqualTo(first);
        assertThat(exported)
                .startsWith("attest-audit-checkpoint/1\nid=1\nkind=PERIODIC\nsigned_at=2026-05-04T10:15:30.123456Z\n"
                        + "chain_seq=3\nchain_hash=" + first.chainHash() + "\nkey_id=" + first.keyId()
                        + "\nsignature=");
        // an outside verifier needs only the statement, the signature and the public key
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(db.signingKey.publicKey());
        ed25519.update(exported.substring(0, exported.indexOf("signature=")).getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Base64.getDecoder().decode(first.signature())))
                .isTrue();
        assertThat(db.adminJdbc
                        .sql("SELECT count(*) FROM audit_checkpoint")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void checkpointsOfARotatedKeyVerifyWhileItsPublicKeyIsKept() {
        SigningKey retired = SigningKey.generate();
        db.transaction.execute(status -> trail.append(AuditEvents.released("text", 0.7)));
        db.checkpoints(Clock.systemUTC(), retired).sign(CheckpointKind.PERIODIC);
        db.transaction.execute(status -> trail.append(AuditEvents.released("text", 0.7)));
        checkpoints.sign(CheckpointKind.PERIODIC);
        CheckpointExport.Exported exported = new CheckpointExport(db.exportDir).readAll();

        ChainVerification bothKeys = new ChainVerifier(
                        db.jdbc, CheckpointKeyRing.of(List.of(db.signingKey.publicKey(), retired.publicKey())))
                .verify(exported);
        ChainVerification currentOnly =
                new ChainVerifier(db.jdbc, CheckpointKeyRing.of(List.of(db.signingKey.publicKey()))).verify(exported);

        assertThat(bothKeys.intact()).isTrue();
        assertThat(bothKeys.checkpointsChecked()).isEqualTo(4);
        assertThat(currentOnly.firstBrokenSequence()).isEqualTo(1);
        assertThat(currentOnly.reason()).isEqualTo(ChainBreak.BAD_SIGNATURE);
    }

    @Test
    void aDeletedMiddleCheckpointIsAGapInTheNumbers() throws Exception {
        for (int i = 0; i < 3; i++) {
            db.transaction.execute(status -> trail.append(AuditEvents.released("text", 0.7)));
            checkpoints.sign(CheckpointKind.PERIODIC);
        }
        db.tamper("DELETE FROM audit_checkpoint WHERE id = 2");

        ChainVerification databaseOnly = new ChainVerifier(
                        db.jdbc, CheckpointKeyRing.of(List.of(db.signingKey.publicKey())))
                .verify(CheckpointExport.Exported.NONE);
        ChainVerification withExport = trail.verify();

        assertThat(databaseOnly.reason()).isEqualTo(ChainBreak.CHECKPOINT_DELETED);
        assertThat(databaseOnly.firstBrokenSequence()).isEqualTo(3);
        assertThat(withExport.reason()).isEqualTo(ChainBreak.CHECKPOINT_DELETED);
        assertThat(withExport.firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void anUnreadableExportedFileIsReported() throws Exception {
        checkpoints.sign(CheckpointKind.PERIODIC);
        Files.writeString(db.exportDir.resolve("attest-checkpoint-000000000002.txt"), "not a checkpoint\n");

        ChainVerification verification = trail.verify();

        assertThat(verification.reason()).isEqualTo(ChainBreak.BAD_SIGNATURE);
        assertThat(verification.firstBrokenSequence()).isZero();
    }

    @Test
    void missingExportsAreWrittenLaterAndThePublicKeyIsPublished() throws Exception {
        Checkpoint stored = checkpoints.sign(CheckpointKind.PERIODIC);
        Files.delete(db.exportDir.resolve(CheckpointStatement.fileName(stored.id())));
        CheckpointExport export = new CheckpointExport(db.exportDir);

        assertThat(checkpoints.exportMissing()).isEqualTo(1);
        export.writePublicKey(db.signingKey.publicKey());

        assertThat(export.readAll().checkpoints()).containsExactly(stored);
        Path key = db.exportDir.resolve("keys").resolve(db.signingKey.keyId().replace(':', '-') + ".pem");
        assertThat(CheckpointKeyRing.keyId(CheckpointKeyRing.readPublicKey(key)))
                .isEqualTo(db.signingKey.keyId());
    }
}
