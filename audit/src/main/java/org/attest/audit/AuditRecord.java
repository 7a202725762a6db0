package org.attest.audit;

import java.time.Instant;

/**
 * An event as stored in the chain.
 *
 * @param sequence gapless position in the chain, from 1
 * @param time when it was appended (UTC, microsecond precision)
 * @param event what happened
 * @param prevHash hex hash of the previous record (64 zeros for the first)
 * @param hash hex SHA-256 of {@code prevHash} and the record's canonical encoding
 */
public record AuditRecord(long sequence, Instant time, AuditEvent event, String prevHash, String hash) {}
