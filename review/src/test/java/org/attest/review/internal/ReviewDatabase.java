package org.attest.review.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.attest.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh, migrated PostgreSQL database with the beans the review module needs, built by hand. */
final class ReviewDatabase implements AutoCloseable {

    final String url;
    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final DataSourceTransactionManager transactions;
    final TransactionTemplate transaction;

    private ReviewDatabase(String url) {
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        this.dataSource = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new DataSourceTransactionManager(dataSource);
        this.transaction = new TransactionTemplate(transactions);
    }

    static ReviewDatabase create() {
        String url = TestPostgres.newDatabase();
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/audit", "classpath:db/migration/review")
                .load()
                .migrate();
        return new ReviewDatabase(url);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
