package org.attest.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Makes sure the monthly partition that an append writes into exists. The database function
 * {@code audit_ensure_partition} runs as the tables' owner, so the service creates partitions without owning them;
 * it is called on a connection of its own, outside the append's transaction, and at most once per month and
 * process.
 */
final class AuditPartitions {

    private final DataSource dataSource;
    private final Set<YearMonth> ensured = ConcurrentHashMap.newKeySet();

    AuditPartitions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The partitions of {@code time}'s month and of the month a day later (an append may cross midnight). */
    void ensureFor(Instant time) {
        ensure(month(time));
        ensure(month(time.plus(1, ChronoUnit.DAYS)));
    }

    /** This month's partition and the next {@code months} ones, for the scheduled maintenance. */
    void ensureAhead(Instant now, int months) {
        YearMonth first = month(now);
        for (int i = 0; i <= months; i++) {
            ensure(first.plusMonths(i));
        }
    }

    private void ensure(YearMonth month) {
        if (ensured.contains(month)) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement create = connection.prepareStatement("SELECT audit_ensure_partition(?)")) {
            create.setObject(1, OffsetDateTime.of(month.atDay(1).atStartOfDay(), ZoneOffset.UTC));
            create.execute();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("audit partition for " + month + " cannot be created", e);
        }
        ensured.add(month);
    }

    private static YearMonth month(Instant time) {
        return YearMonth.from(time.atOffset(ZoneOffset.UTC));
    }
}
