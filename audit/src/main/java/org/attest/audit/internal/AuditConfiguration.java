package org.attest.audit.internal;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The audit module's parts, wired from the application's data source, transaction manager and clock. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditPartitions auditPartitions(DataSource dataSource) {
        return new AuditPartitions(dataSource);
    }

    @Bean
    ChainWriter chainWriter(DataSource dataSource, Clock clock, AuditPartitions partitions) {
        return new ChainWriter(new JdbcTemplate(dataSource), clock, partitions);
    }

    @Bean(destroyMethod = "close")
    GroupCommitter groupCommitter(
            PlatformTransactionManager transactions,
            DataSource dataSource,
            ChainWriter writer,
            AuditProperties properties) {
        return new GroupCommitter(transactions, dataSource, writer, properties.groupCommit());
    }

    /** Resolved at startup, so that a missing key stops the application before it serves anything. */
    @Bean
    SigningKey checkpointSigningKey(AuditProperties properties) {
        return SigningKey.resolve(properties.checkpoint());
    }

    @Bean
    CheckpointKeyRing checkpointKeyRing(SigningKey signingKey, AuditProperties properties) {
        List<PublicKey> keys = new ArrayList<>();
        keys.add(signingKey.publicKey());
        properties.checkpoint().previousPublicKeys().forEach(file -> keys.add(CheckpointKeyRing.readPublicKey(file)));
        return CheckpointKeyRing.of(keys);
    }

    @Bean
    CheckpointExport checkpointExport(AuditProperties properties) {
        return new CheckpointExport(properties.checkpoint().exportDir());
    }

    @Bean
    PostgresAuditTrail auditTrail(
            JdbcClient jdbc,
            ChainWriter writer,
            GroupCommitter committer,
            CheckpointKeyRing keys,
            CheckpointExport export) {
        return new PostgresAuditTrail(jdbc, writer, committer, keys, export);
    }

    @Bean
    PostgresCheckpoints auditCheckpoints(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            SigningKey signingKey,
            CheckpointExport export,
            Clock clock) {
        return new PostgresCheckpoints(jdbc, transactions, signingKey, export, clock);
    }

    @Bean
    PostgresAuditLog auditLog(JdbcClient jdbc) {
        return new PostgresAuditLog(jdbc);
    }

    @Bean(destroyMethod = "close")
    CheckpointSchedule checkpointSchedule(
            PostgresCheckpoints checkpoints,
            AuditPartitions partitions,
            CheckpointExport export,
            SigningKey signingKey,
            AuditProperties properties,
            Clock clock) {
        return new CheckpointSchedule(
                checkpoints,
                partitions,
                export,
                signingKey,
                properties.checkpoint().interval(),
                clock);
    }
}
