package org.attest.audit.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.attest.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database migrated by the superuser (as a DBA would bootstrap it), the audit module's parts built by hand
 * on a pool that logs in as the application role {@code attest_app}, as the service does, and a superuser pool for
 * what only an intruder could do.
 */
final class AuditDatabase implements AutoCloseable {

    static final String APP_ROLE = "attest_app";

    final String adminUrl;
    final HikariDataSource admin;
    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final JdbcClient adminJdbc;
    final DataSourceTransactionManager transactions;
    final TransactionTemplate transaction;
    final TransactionTemplate adminTransaction;
    final SigningKey signingKey = SigningKey.generate();
    final Path exportDir;
    private final List<AutoCloseable> parts = new ArrayList<>();

    private AuditDatabase(String adminUrl) throws IOException {
        this.adminUrl = adminUrl;
        this.admin = pool(adminUrl, 4);
        this.dataSource = pool(TestPostgres.asRole(adminUrl, APP_ROLE), 10);
        this.jdbc = JdbcClient.create(dataSource);
        this.adminJdbc = JdbcClient.create(admin);
        this.transactions = new DataSourceTransactionManager(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.adminTransaction = new TransactionTemplate(new DataSourceTransactionManager(admin));
        this.exportDir = Files.createTempDirectory("attest-checkpoints");
    }

    static AuditDatabase create() {
        String url = TestPostgres.newDatabase();
        migrate(url);
        try {
            return new AuditDatabase(url);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parts over a database the caller has migrated already. */
    static AuditDatabase migrated(String url) {
        try {
            return new AuditDatabase(url);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void migrate(String url) {
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/audit", "classpath:db/migration/review")
                .load()
                .migrate();
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(5000);
        return new HikariDataSource(config);
    }

    ChainWriter writer(Clock clock) {
        return new ChainWriter(new JdbcTemplate(dataSource), clock, new AuditPartitions(dataSource));
    }

    GroupCommitter committer(Clock clock, AuditProperties.GroupCommit settings) {
        GroupCommitter committer = new GroupCommitter(transactions, dataSource, writer(clock), settings);
        parts.add(committer);
        return committer;
    }

    PostgresAuditTrail trail() {
        return trail(Clock.systemUTC());
    }

    PostgresAuditTrail trail(Clock clock) {
        return new PostgresAuditTrail(
                jdbc,
                writer(clock),
                committer(clock, AuditProperties.GroupCommit.DEFAULTS),
                CheckpointKeyRing.of(List.of(signingKey.publicKey())),
                new CheckpointExport(exportDir));
    }

    PostgresCheckpoints checkpoints(Clock clock) {
        return checkpoints(clock, signingKey);
    }

    PostgresCheckpoints checkpoints(Clock clock, SigningKey key) {
        return new PostgresCheckpoints(jdbc, transactions, key, new CheckpointExport(exportDir), clock);
    }

    /** Runs statements as the superuser with user triggers off, as an intruder with database access could. */
    void tamper(String... statements) throws SQLException {
        try (Connection connection = admin.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("SET session_replication_role = DEFAULT");
        }
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    }

    @Override
    public void close() {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                // test teardown: keep closing the rest
            }
        }
        dataSource.close();
        admin.close();
    }
}
