package org.attest.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.attest.audit.Checkpoint;
import org.attest.audit.CheckpointKind;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code audit_checkpoint} table: signs and inserts checkpoints, and reads them back. */
final class CheckpointLedger {

    private static final String COLUMNS = "id, kind, signed_at, chain_seq, chain_hash, key_id, signature";

    private CheckpointLedger() {}

    /**
     * Signs and inserts a checkpoint of {@code head} in the current transaction. The caller holds the chain lock
     * ({@link ChainWriter#lock}), which also makes checkpoint ids gapless.
     */
    static Checkpoint insert(JdbcClient jdbc, CheckpointKind kind, ChainWriter.Head head, SigningKey key, Clock clock) {
        long id = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM audit_checkpoint")
                .query(Long.class)
                .single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Checkpoint unsigned = new Checkpoint(id, kind, now, head.sequence(), head.hash(), key.keyId(), "");
        Checkpoint signed = new Checkpoint(
                id, kind, now, head.sequence(), head.hash(), key.keyId(), key.sign(CheckpointStatement.of(unsigned)));
        jdbc.sql("INSERT INTO audit_checkpoint (" + COLUMNS
                        + ") VALUES (:id, :kind, :signedAt, :seq, :hash, :keyId, :signature)")
                .param("id", signed.id())
                .param("kind", signed.kind().name())
                .param("signedAt", OffsetDateTime.ofInstant(signed.signedAt(), ZoneOffset.UTC))
                .param("seq", signed.chainSequence())
                .param("hash", signed.chainHash())
                .param("keyId", signed.keyId())
                .param("signature", signed.signature())
                .update();
        return signed;
    }

    /** Every checkpoint, by id. */
    static List<Checkpoint> all(JdbcClient jdbc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY id")
                .query(CheckpointLedger::map)
                .list();
    }

    /** The checkpoints with an id above {@code afterId}, by id. */
    static List<Checkpoint> after(JdbcClient jdbc, long afterId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE id > :after ORDER BY id")
                .param("after", afterId)
                .query(CheckpointLedger::map)
                .list();
    }

    static List<Checkpoint> latest(JdbcClient jdbc, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY id DESC LIMIT :limit")
                .param("limit", limit)
                .query(CheckpointLedger::map)
                .list();
    }

    private static Checkpoint map(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(
                rs.getLong("id"),
                CheckpointKind.valueOf(rs.getString("kind")),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
                rs.getLong("chain_seq"),
                rs.getString("chain_hash"),
                rs.getString("key_id"),
                rs.getString("signature"));
    }
}
