package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.attest.audit.ChainVerification;
import org.attest.audit.ModelRef;
import org.attest.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A database of the release before the served model version: migrated without V15 (and review's V22), written by
 * that release's {@code audit_append} (V14, no served version), then upgraded out of order, as the application's
 * Flyway settings ({@code spring.flyway.out-of-order}) do it. Its rows keep their hashes, its chain verifies, new rows carry the served version, and an
 * instance of the previous release can still append through V14's function during a rolling upgrade.
 */
class AuditUpgradeTest {

    /** What the release before the served model version did not have. */
    static final Set<String> NEWER = Set.of("V15__", "V22__");

    /** V14's audit_append, as the previous release called it: no served-version array. */
    static final String PREVIOUS_APPEND = "SELECT appended FROM audit_append(?, ?, ?::bigint[], ?::timestamptz[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[])";

    @Test
    void rowsOfThePreviousReleaseKeepTheirHashesAcrossTheUpgrade(@TempDir Path previous) throws Exception {
        String url = TestPostgres.newDatabase();
        Flyway.configure()
                .dataSource(url, null, null)
                .locations(previousRelease(previous, "audit"), previousRelease(previous, "review"))
                .load()
                .migrate();
        List<String> before = new ArrayList<>();
        try (AuditDatabase db = AuditDatabase.migrated(url)) {
            before.add(appendAsPreviousRelease(db, AuditEvents.released("old-1", "an old summary", 0.75)));
            before.add(appendAsPreviousRelease(db, AuditEvents.minimal("old-2")));
        }

        // V15 and V22 sort below migrations the database already has (V20): in order, Flyway refuses them
        assertThatThrownBy(() -> Flyway.configure()
                        .dataSource(url, null, null)
                        .locations("classpath:db/migration/audit", "classpath:db/migration/review")
                        .load()
                        .migrate())
                .hasMessageContaining("not applied");
        MigrateResult upgrade = Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/audit", "classpath:db/migration/review")
                .outOfOrder(true)
                .load()
                .migrate();

        assertThat(upgrade.migrations).extracting(m -> m.version).containsExactly("15", "22");
        try (AuditDatabase db = AuditDatabase.migrated(url)) {
            PostgresAuditTrail trail = db.trail();
            assertThat(db.adminJdbc
                            .sql("SELECT hash FROM audit_event WHERE seq <= 2 ORDER BY seq")
                            .query(String.class)
                            .list())
                    .isEqualTo(before);
            ChainVerification oldRows = trail.verify();
            assertThat(oldRows.intact()).as("%s", oldRows.reason()).isTrue();
            assertThat(oldRows.recordsChecked()).isEqualTo(2);

            AuditRecord remote = db.transaction.execute(status ->
                    trail.append(AuditEvents.released("new-1", "a new summary", 0.75, AuditEvents.REMOTE_MODEL)));
            String rolling = appendAsPreviousRelease(db, AuditEvents.released("old-3", "still old", 0.5));

            assertThat(remote).isNotNull();
            assertThat(trail.findByRequestId("new-1").getFirst().event().model())
                    .extracting(ModelRef::servedVersion)
                    .isEqualTo("3");
            assertThat(trail.findByRequestId("old-3").getFirst().hash()).isEqualTo(rolling);
            ChainVerification upgraded = trail.verify();
            assertThat(upgraded.intact()).as("%s", upgraded.reason()).isTrue();
            assertThat(upgraded.recordsChecked()).isEqualTo(4);
        }
    }

    /** The module's migrations without the newer ones, as a file-system location. */
    private static String previousRelease(Path root, String module) throws IOException {
        Path folder = Files.createDirectories(root.resolve(module));
        for (Resource script : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/" + module + "/*.sql")) {
            String name = script.getFilename();
            if (name != null && NEWER.stream().noneMatch(name::startsWith)) {
                Files.write(folder.resolve(name), script.getContentAsByteArray());
            }
        }
        return "filesystem:" + folder;
    }

    /** One event appended as the previous release did: hashed without a served version, through V14's function. */
    private static String appendAsPreviousRelease(AuditDatabase db, AuditEvent event) throws SQLException {
        try (Connection connection = db.dataSource.getConnection();
                PreparedStatement head =
                        connection.prepareStatement("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1");
                ResultSet rs = head.executeQuery()) {
            long seq = rs.next() ? rs.getLong(1) : 0;
            String prev = seq == 0 ? CanonicalEncoding.GENESIS : rs.getString(2);
            Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String hash = CanonicalEncoding.hash(prev, CanonicalEncoding.encode(seq + 1, time, event, prev));
            ModelRef model = event.model();
            String[] before = {
                event.type().name(),
                event.actor().issuer(),
                event.actor().subject(),
                event.clientId(),
                event.requestId(),
                event.subjectId(),
                event.input() == null ? null : event.input().hmac(),
                event.input() == null ? null : event.input().keyId(),
                event.output()
            };
            String[] after = {
                model == null ? null : model.name(),
                model == null ? null : model.version(),
                model == null ? null : model.artifactSha256(),
                model == null ? null : model.cardHash(),
                event.redactionPolicyVersion(),
                event.decision(),
                event.rule(),
                prev,
                hash
            };
            try (PreparedStatement append = connection.prepareStatement(PREVIOUS_APPEND)) {
                append.setLong(1, seq);
                append.setString(2, prev);
                append.setArray(3, connection.createArrayOf("bigint", new Long[] {seq + 1}));
                append.setArray(4, connection.createArrayOf("text", new String[] {time.toString()}));
                for (int i = 0; i < before.length; i++) {
                    append.setArray(5 + i, connection.createArrayOf("text", new String[] {before[i]}));
                }
                append.setArray(14, connection.createArrayOf("float8", new Double[] {event.confidence()}));
                for (int i = 0; i < after.length; i++) {
                    append.setArray(15 + i, connection.createArrayOf("text", new String[] {after[i]}));
                }
                try (ResultSet appended = append.executeQuery()) {
                    assertThat(appended.next() && appended.getBoolean(1)).isTrue();
                }
            }
            return hash;
        }
    }
}
