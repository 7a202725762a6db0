package org.attest.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.attest.audit.ChainBreak;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One random change to a chain of {@code length} rows, with the sequence and reason(s) the verifier must report:
 * one character of one column flipped (values stay valid for the table's checks), a row deleted, two rows swapped,
 * or the tail cut behind the last checkpoint. The sequence column itself is left alone: a flipped sequence is a
 * duplicate or a gap elsewhere, covered by the delete and swap cases.
 */
record Tampering(String description, List<String> statements, long expectedSequence, Set<ChainBreak> expectedReasons) {

    private static final List<String> TEXT = List.of(
            "actor_issuer",
            "actor_subject",
            "client_id",
            "request_id",
            "subject_id",
            "input_hmac_key_id",
            "output",
            "model_name",
            "model_version",
            "model_served_version",
            "redaction_policy_version",
            "decision",
            "rule");
    private static final List<String> HEX =
            List.of("input_hmac", "model_sha256", "model_card_hash", "hash", "prev_hash");
    private static final String HEX_DIGITS = "0123456789abcdef";

    static Tampering random(Random random, int length, JdbcClient jdbc) {
        return switch (random.nextInt(4)) {
            case 0 -> flip(random, length, jdbc);
            case 1 -> delete(random, length);
            case 2 -> swap(random, length);
            default -> cut(random, length);
        };
    }

    private static Tampering flip(Random random, int length, JdbcClient jdbc) {
        long sequence = 1 + random.nextInt(length);
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_event WHERE seq = :seq")
                .param("seq", sequence)
                .query()
                .singleRow();
        List<String> columns = new ArrayList<>();
        columns.add("event_time");
        columns.add("event_type");
        if (row.get("confidence") != null) {
            columns.add("confidence");
        }
        TEXT.stream()
                .filter(c -> row.get(c) != null && !row.get(c).toString().isEmpty())
                .forEach(columns::add);
        HEX.stream().filter(c -> row.get(c) != null).forEach(columns::add);
        if (sequence == 1) {
            // the table itself insists that the first row links to the genesis hash
            columns.remove("prev_hash");
        }
        String column = columns.get(random.nextInt(columns.size()));
        String assignment;
        Set<ChainBreak> reasons = Set.of(ChainBreak.ROW_EDITED);
        switch (column) {
            case "event_time" -> {
                int microsecond = random.nextInt(9) + 1;
                assignment = "event_time = event_time + interval '" + microsecond + " microseconds'";
            }
            case "event_type" -> {
                String type = row.get(column).toString();
                assignment = column + " = " + quote(flipped(random, type, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
                reasons = Set.of(ChainBreak.ROW_UNREADABLE, ChainBreak.ROW_EDITED);
            }
            case "confidence" -> {
                String value = Double.toString(((Number) row.get(column)).doubleValue());
                assignment = column + " = " + flippedFraction(random, value);
            }
            default -> {
                String value = row.get(column).toString();
                boolean hex = HEX.contains(column);
                assignment = column + " = "
                        + quote(flipped(random, value, hex ? HEX_DIGITS : "abcdefghijklmnopqrstuvwxyzXYZ0123456789"));
                if (column.equals("prev_hash")) {
                    reasons = Set.of(ChainBreak.ROWS_REORDERED);
                }
            }
        }
        return new Tampering(
                "flip " + column + " at " + sequence,
                List.of("UPDATE audit_event SET " + assignment + " WHERE seq = " + sequence),
                sequence,
                reasons);
    }

    private static Tampering delete(Random random, int length) {
        long sequence = 1 + random.nextInt(length);
        // the head's deletion is a cut tail: only the checkpoint at it can tell
        Set<ChainBreak> reasons = Set.of(sequence == length ? ChainBreak.TAIL_TRUNCATED : ChainBreak.ROW_DELETED);
        return new Tampering(
                "delete " + sequence, List.of("DELETE FROM audit_event WHERE seq = " + sequence), sequence, reasons);
    }

    private static Tampering swap(Random random, int length) {
        long first = 1 + random.nextInt(length - 1);
        long second = first + 1 + random.nextInt((int) (length - first));
        return new Tampering(
                "swap " + first + " and " + second,
                List.of(
                        "UPDATE audit_event SET seq = 100000 WHERE seq = " + first,
                        "UPDATE audit_event SET seq = " + first + " WHERE seq = " + second,
                        "UPDATE audit_event SET seq = " + second + " WHERE seq = 100000"),
                first,
                Set.of(ChainBreak.ROWS_REORDERED));
    }

    private static Tampering cut(Random random, int length) {
        long keep = random.nextInt(length);
        return new Tampering(
                "cut after " + keep,
                List.of("DELETE FROM audit_event WHERE seq > " + keep),
                keep + 1,
                Set.of(ChainBreak.TAIL_TRUNCATED));
    }

    /** {@code value} with one character replaced by a different one from {@code alphabet}. */
    private static String flipped(Random random, String value, String alphabet) {
        int at = random.nextInt(value.length());
        char original = value.charAt(at);
        char replacement;
        do {
            replacement = alphabet.charAt(random.nextInt(alphabet.length()));
        } while (replacement == original);
        return value.substring(0, at) + replacement + value.substring(at + 1);
    }

    /** One of the first fraction digits of a value in (0, 1) replaced, so it stays in (0, 1) and changes. */
    private static String flippedFraction(Random random, String value) {
        int dot = value.indexOf('.');
        int end = value.indexOf('E') < 0 ? value.length() : value.indexOf('E');
        int at = dot + 1 + random.nextInt(Math.min(10, end - dot - 1));
        return value.substring(0, at)
                + flipped(random, value.substring(at, at + 1), "0123456789")
                + value.substring(at + 1);
    }

    private static String quote(String value) {
        return "$tamper$" + value + "$tamper$";
    }

    @Override
    public String toString() {
        return description;
    }
}
