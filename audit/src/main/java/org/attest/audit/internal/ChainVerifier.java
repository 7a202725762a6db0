package org.attest.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.attest.audit.AuditRecord;
import org.attest.audit.ChainBreak;
import org.attest.audit.ChainVerification;
import org.attest.audit.Checkpoint;
import org.attest.audit.CheckpointKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Verifies the chain with nothing but read access to the database and the trusted public keys.
 *
 * <ol>
 *   <li>Checkpoints, from the table and from the export directory: each signature must verify under a trusted key,
 *       table ids must be gapless, and every exported checkpoint must still be in the table.
 *   <li>The walk: from the newest trusted PURGE checkpoint (or from sequence 1 and the genesis hash), rows must
 *       follow without a gap or repeat, each {@code prev_hash} must be the previous row's {@code hash}, and each
 *       {@code hash} must recompute from the row's {@linkplain CanonicalEncoding canonical encoding}.
 *   <li>Commitments: every trusted checkpoint's sequence must exist and carry the checkpoint's hash — a missing
 *       sequence past the head is a truncated tail, a different hash a rewritten chain.
 * </ol>
 *
 * <p>The smallest sequence at which anything fails is reported, with its reason; a row-level break wins a tie.
 */
final class ChainVerifier {

    private static final int PAGE_SIZE = 1000;

    private final JdbcClient jdbc;
    private final CheckpointKeyRing keys;

    ChainVerifier(JdbcClient jdbc, CheckpointKeyRing keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    ChainVerification verify(CheckpointExport.Exported exported) {
        List<Checkpoint> stored = CheckpointLedger.all(jdbc);
        Findings checkpointFindings = new Findings();
        List<Checkpoint> trusted = trustedCheckpoints(stored, exported, checkpointFindings);
        ChainWriter.Head start = trusted.stream()
                .filter(checkpoint -> checkpoint.kind() == CheckpointKind.PURGE)
                .max(Comparator.comparingLong(Checkpoint::chainSequence))
                .map(purge -> new ChainWriter.Head(purge.chainSequence(), purge.chainHash()))
                .orElse(ChainWriter.Head.GENESIS);
        Set<Long> committed = trusted.stream().map(Checkpoint::chainSequence).collect(Collectors.toSet());
        Walk walk = walk(start, committed);
        Findings findings = new Findings();
        if (walk.breakSequence() != null) {
            findings.add(walk.breakSequence(), Objects.requireNonNull(walk.reason()));
        }
        findings.addAll(checkpointFindings);
        trusted.forEach(checkpoint -> compare(checkpoint, start, walk, findings));
        long checkpointsChecked = (long) stored.size()
                + exported.checkpoints().size()
                + exported.unreadable().size();
        return new ChainVerification(walk.checked(), checkpointsChecked, findings.sequence, findings.reason);
    }

    /** The checkpoints whose signatures verify: the table's, and exported ones the table lost. */
    private List<Checkpoint> trustedCheckpoints(
            List<Checkpoint> stored, CheckpointExport.Exported exported, Findings findings) {
        List<Checkpoint> trusted = new ArrayList<>();
        Map<Long, Checkpoint> byId = new HashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            Checkpoint checkpoint = stored.get(i);
            byId.put(checkpoint.id(), checkpoint);
            if (checkpoint.id() != i + 1L && (i == 0 || stored.get(i - 1).id() != checkpoint.id() - 1)) {
                findings.add(checkpoint.chainSequence(), ChainBreak.CHECKPOINT_DELETED);
            }
            if (keys.verifies(checkpoint)) {
                trusted.add(checkpoint);
            } else {
                findings.add(checkpoint.chainSequence(), ChainBreak.BAD_SIGNATURE);
            }
        }
        for (Checkpoint outside : exported.checkpoints()) {
            if (!keys.verifies(outside)) {
                findings.add(outside.chainSequence(), ChainBreak.BAD_SIGNATURE);
            } else if (!byId.containsKey(outside.id())) {
                findings.add(outside.chainSequence(), ChainBreak.CHECKPOINT_DELETED);
                trusted.add(outside);
            } else if (!byId.get(outside.id()).equals(outside)) {
                // the table's copy was edited: reported above when its signature fails, trusted here in its place
                if (keys.verifies(byId.get(outside.id()))) {
                    findings.add(outside.chainSequence(), ChainBreak.CHECKPOINT_MISMATCH);
                }
                trusted.add(outside);
            }
        }
        if (!exported.unreadable().isEmpty()) {
            // an exported file that does not parse proves nothing, and may hide what it proved
            findings.add(0, ChainBreak.BAD_SIGNATURE);
        }
        return trusted;
    }

    private static void compare(Checkpoint checkpoint, ChainWriter.Head start, Walk walk, Findings findings) {
        long sequence = checkpoint.chainSequence();
        if (sequence < start.sequence()) {
            return;
        }
        if (sequence == start.sequence()) {
            if (!checkpoint.chainHash().equals(start.hash())) {
                findings.add(sequence, ChainBreak.CHECKPOINT_MISMATCH);
            }
            return;
        }
        if (walk.breakSequence() != null && sequence >= walk.breakSequence()) {
            return;
        }
        String hash = walk.hashes().get(sequence);
        if (hash == null) {
            findings.add(walk.headSequence() + 1, ChainBreak.TAIL_TRUNCATED);
        } else if (!hash.equals(checkpoint.chainHash())) {
            findings.add(sequence, ChainBreak.CHECKPOINT_MISMATCH);
        }
    }

    private Walk walk(ChainWriter.Head start, Set<Long> wanted) {
        long checked = 0;
        long previousSequence = start.sequence();
        String previousHash = start.hash();
        Map<Long, String> hashes = new HashMap<>();
        while (true) {
            List<Row> page = page(previousSequence);
            for (Row row : page) {
                ChainBreak broken = brokenLink(row, previousSequence, previousHash);
                if (broken != null) {
                    long at = broken == ChainBreak.ROW_DELETED ? previousSequence + 1 : row.sequence();
                    return new Walk(checked, previousSequence, hashes, at, broken);
                }
                checked++;
                previousSequence = row.sequence();
                previousHash = Objects.requireNonNull(row.record()).hash();
                if (wanted.contains(previousSequence)) {
                    hashes.put(previousSequence, previousHash);
                }
            }
            if (page.size() < PAGE_SIZE) {
                return new Walk(checked, previousSequence, hashes, null, null);
            }
        }
    }

    /** Why {@code row} does not follow the row at {@code previousSequence}, or null when it does. */
    private static @Nullable ChainBreak brokenLink(Row row, long previousSequence, String previousHash) {
        if (row.sequence() <= previousSequence) {
            return ChainBreak.ROWS_REORDERED;
        }
        if (row.sequence() != previousSequence + 1) {
            return ChainBreak.ROW_DELETED;
        }
        AuditRecord record = row.record();
        if (record == null) {
            return ChainBreak.ROW_UNREADABLE;
        }
        if (!record.prevHash().equals(previousHash)) {
            return ChainBreak.ROWS_REORDERED;
        }
        if (!CanonicalEncoding.hash(record.prevHash(), CanonicalEncoding.encode(record))
                .equals(record.hash())) {
            return ChainBreak.ROW_EDITED;
        }
        return null;
    }

    private List<Row> page(long afterSequence) {
        return jdbc.sql("SELECT " + AuditRows.COLUMNS
                        + " FROM audit_event WHERE seq > :after ORDER BY seq LIMIT :limit")
                .param("after", afterSequence)
                .param("limit", PAGE_SIZE)
                .query(ChainVerifier::row)
                .list();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        long sequence = rs.getLong("seq");
        try {
            return new Row(sequence, AuditRows.map(rs, rowNum));
        } catch (IllegalArgumentException e) {
            // a value no append writes (an unknown event type, a blank actor): reported, not thrown
            return new Row(sequence, null);
        }
    }

    /** A row's position, and its record unless the row holds values no append writes. */
    private record Row(long sequence, @Nullable AuditRecord record) {}

    /** What the walk saw: rows linked, the last linked sequence, hashes at committed sequences, the break. */
    private record Walk(
            long checked,
            long headSequence,
            Map<Long, String> hashes,
            @Nullable Long breakSequence,
            @Nullable ChainBreak reason) {}

    /** The earliest failure seen so far; on a tie the one found first stays. */
    private static final class Findings {
        private @Nullable Long sequence;
        private @Nullable ChainBreak reason;

        void add(long at, ChainBreak why) {
            if (sequence == null || at < sequence) {
                sequence = at;
                reason = why;
            }
        }

        void addAll(Findings other) {
            if (other.sequence != null) {
                add(other.sequence, Objects.requireNonNull(other.reason));
            }
        }
    }
}
