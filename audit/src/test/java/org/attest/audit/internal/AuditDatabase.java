package org.attest.audit.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.attest.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh, migrated PostgreSQL database with the beans the trail needs, built by hand. */
final class AuditDatabase implements AutoCloseable {

    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate transaction;

    private AuditDatabase(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(10);
        this.dataSource = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    static AuditDatabase create() {
        String url = TestPostgres.newDatabase();
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/audit", "classpath:db/migration/review")
                .load()
                .migrate();
        return new AuditDatabase(url);
    }

    PostgresAuditTrail trail() {
        return new PostgresAuditTrail(jdbc, Clock.systemUTC());
    }

    /** Runs statements as the superuser with user triggers off, as an intruder with database access could. */
    void tamper(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection();
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
        dataSource.close();
    }
}
