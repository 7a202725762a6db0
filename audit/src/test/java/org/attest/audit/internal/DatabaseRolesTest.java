package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.attest.testing.PrivatePostgres;
import org.attest.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Append-only at the database: the application role may insert and read audit rows and nothing else, and the
 * triggers refuse UPDATE, DELETE and TRUNCATE to every role — the owner and superusers included. The roles are
 * cluster-wide, so their creation must survive several databases migrating at once, and the migrations must also
 * run as the owner role itself, as in production.
 */
class DatabaseRolesTest {

    static AuditDatabase db;

    @BeforeAll
    static void database() {
        db = AuditDatabase.create();
        db.transaction.execute(status -> db.trail().append(AuditEvents.released("text", 0.5)));
        db.checkpoints(java.time.Clock.systemUTC()).sign(org.attest.audit.CheckpointKind.PERIODIC);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "UPDATE audit_event SET output = 'changed'",
                "DELETE FROM audit_event",
                "TRUNCATE audit_event",
                "UPDATE audit_checkpoint SET kind = 'ON_DEMAND'",
                "DELETE FROM audit_checkpoint",
                "TRUNCATE audit_checkpoint",
                "DROP TABLE audit_event",
                "ALTER TABLE audit_event DISABLE TRIGGER USER",
                "ALTER TABLE audit_event DETACH PARTITION %partition%",
                "UPDATE %partition% SET output = 'changed'",
                "DELETE FROM %partition%",
                "TRUNCATE %partition%",
                "DROP TABLE %partition%",
                "SET session_replication_role = replica",
                "CREATE TABLE audit_event_y2999m01 PARTITION OF audit_event FOR VALUES FROM ('2999-01-01') TO ('2999-02-01')",
            })
    void theApplicationRoleMayNotChangeAuditRows(String statement) {
        String sql = statement.replace("%partition%", currentPartition());

        assertThatThrownBy(() -> runAs(AuditDatabase.APP_ROLE, sql))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501", "55000"));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void theApplicationRoleAppendsAndReads() {
        assertThatCode(() -> runAs(AuditDatabase.APP_ROLE, "SELECT count(*) FROM audit_event"))
                .doesNotThrowAnyException();
        assertThat(db.trail().findByRequestId("x")).isEmpty();
    }

    @Test
    void theAuditorRoleOnlyReads() throws SQLException {
        runAs("attest_auditor", "SELECT count(*) FROM audit_event, audit_checkpoint");

        assertThatThrownBy(() -> runAs(
                        "attest_auditor",
                        "INSERT INTO audit_checkpoint VALUES (99, 'ON_DEMAND', now(), 0, repeat('0', 64),"
                                + " 'ed25519:0000000000000000', repeat('A', 86) || '==')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPDATE audit_event SET output = 'x'", "DELETE FROM audit_event", "TRUNCATE audit_event"})
    void theTriggersRefuseEvenTheOwnerAndTheSuperuser(String statement) {
        assertThatThrownBy(() -> runAsSuperuser("SET ROLE attest_owner", statement))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> runAsSuperuser(statement))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void theAuditTablesBelongToTheOwnerRole() {
        assertThat(db.adminJdbc
                        .sql("SELECT DISTINCT tableowner FROM pg_tables WHERE tablename LIKE 'audit\\_%'")
                        .query(String.class)
                        .list())
                .containsExactly("attest_owner");
    }

    @Test
    void severalDatabasesOfAFreshClusterMigrateAtOnce() throws Exception {
        try (PrivatePostgres cluster = PrivatePostgres.start()) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                urls.add(cluster.createDatabase("concurrent_" + i));
            }
            List<Callable<Void>> migrations = new ArrayList<>();
            for (String url : urls) {
                migrations.add(() -> {
                    AuditDatabase.migrate(url);
                    return null;
                });
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(urls.size())) {
                for (Future<Void> migration : pool.invokeAll(migrations)) {
                    migration.get();
                }
            }

            try (Connection admin = DriverManager.getConnection(cluster.url("postgres", "postgres"));
                    Statement statement = admin.createStatement();
                    var roles = statement.executeQuery(
                            "SELECT count(*) FROM pg_roles WHERE rolname IN ('attest_owner', 'attest_app', 'attest_auditor')")) {
                roles.next();
                assertThat(roles.getInt(1)).isEqualTo(3);
            }
            for (int i = 0; i < urls.size(); i++) {
                try (Connection app = DriverManager.getConnection(cluster.url("concurrent_" + i, "attest_app"));
                        Statement statement = app.createStatement()) {
                    assertThatThrownBy(() -> statement.execute("DELETE FROM audit_event"))
                            .hasMessageContaining("permission denied");
                }
            }
        }
    }

    @Test
    void theMigrationsRunAsTheOwnerRoleWhenADbaCreatedTheRolesBeforehand() throws Exception {
        try (PrivatePostgres cluster = PrivatePostgres.start()) {
            try (Connection dba = DriverManager.getConnection(cluster.url("postgres", "postgres"));
                    Statement statement = dba.createStatement()) {
                // what runbooks/audit-database-roles.md asks a DBA to do, once per cluster
                statement.execute("CREATE ROLE attest_owner LOGIN");
                statement.execute("CREATE ROLE attest_app LOGIN");
                statement.execute("CREATE ROLE attest_auditor LOGIN");
                statement.execute("CREATE DATABASE attest OWNER attest_owner");
            }
            AuditDatabase.migrate(cluster.url("attest", "attest_owner"));

            try (Connection app = DriverManager.getConnection(cluster.url("attest", "attest_app"));
                    Statement statement = app.createStatement()) {
                statement.execute("SELECT audit_ensure_partition(now() + interval '5 months')");
                assertThatThrownBy(() -> statement.execute("TRUNCATE audit_event"))
                        .hasMessageContaining("permission denied");
                // the owner's default privileges reach the review table, never an audit partition
                statement.execute("SELECT count(*) FROM review_item");
                assertThatThrownBy(() -> statement.execute("UPDATE " + partitionOf(statement) + " SET output = 'x'"))
                        .hasMessageContaining("permission denied");
            }
        }
    }

    private static String partitionOf(Statement statement) throws SQLException {
        try (var rs = statement.executeQuery(
                "SELECT 'audit_event_' || to_char(now() AT TIME ZONE 'UTC', '\"y\"YYYY\"m\"MM')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String currentPartition() {
        return db.adminJdbc
                .sql("SELECT tableoid::regclass::text FROM audit_event LIMIT 1")
                .query(String.class)
                .single();
    }

    private static long rows() {
        return db.adminJdbc
                .sql("SELECT count(*) FROM audit_event")
                .query(Long.class)
                .single();
    }

    private static void runAs(String role, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestPostgres.asRole(db.adminUrl, role));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void runAsSuperuser(String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.adminUrl);
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
