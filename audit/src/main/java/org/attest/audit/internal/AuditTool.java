package org.attest.audit.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.attest.audit.Actor;
import org.attest.audit.ChainVerification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's command line, for auditors and operators; it needs no running service. Run it from the
 * application jar (see runbooks/audit-verification.md):
 *
 * <pre>
 * java -cp attest.jar -Dloader.main=org.attest.audit.internal.AuditTool \
 *     org.springframework.boot.loader.launch.PropertiesLauncher &lt;command&gt; [options]
 * </pre>
 *
 * <ul>
 *   <li>{@code verify --url JDBC --public-key PEM [--public-key PEM ...] [--checkpoints DIR]}: walks the chain on a
 *       read-only connection, checks every checkpoint; exit 0 when intact, 1 when broken;
 *   <li>{@code purge --url JDBC --signing-key PEM --partition NAME --operator NAME [--retention P6Y]
 *       [--checkpoints DIR] [--dry-run]}: drops a partition past its retention (as the owner role); exit 1 when
 *       refused;
 *   <li>{@code partitions --url JDBC}: lists the partitions with their row counts;
 *   <li>{@code keygen --out PEM}: writes a new Ed25519 signing key (owner-only) and its {@code .pub}.
 * </ul>
 *
 * <p>Common options: {@code --user NAME} (else the URL's), {@code --password-env VAR} (the name of an environment
 * variable holding the password; default {@code ATTEST_DB_PASSWORD} when set). Exit 2: usage or connection error.
 */
public final class AuditTool {

    private final ToolArguments arguments;
    private final PrintStream out;

    private AuditTool(ToolArguments arguments, PrintStream out) {
        this.arguments = arguments;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs one command and returns its exit status: 0 success, 1 broken chain or refused purge, 2 usage error. */
    static int run(String[] args, PrintStream out) {
        try {
            ToolArguments arguments = ToolArguments.parse(args);
            AuditTool tool = new AuditTool(arguments, out);
            return switch (arguments.command()) {
                case "verify" -> tool.verify();
                case "purge" -> tool.purge();
                case "partitions" -> tool.partitions();
                case "keygen" -> tool.keygen();
                default -> throw new IllegalArgumentException("unknown command " + arguments.command());
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.println("error: " + e.getMessage());
            out.println("usage: verify | purge | partitions | keygen, see runbooks/audit-verification.md");
            return 2;
        } catch (SQLException e) {
            out.println(
                    "error: database: " + e.getSQLState() + " " + e.getClass().getSimpleName());
            return 2;
        }
    }

    private int verify() throws SQLException {
        List<PublicKey> keys = arguments.all("--public-key").stream()
                .map(file -> CheckpointKeyRing.readPublicKey(Path.of(file)))
                .toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("verify needs at least one --public-key");
        }
        CheckpointExport.Exported exported = arguments
                .optional("--checkpoints")
                .map(dir -> new CheckpointExport(Path.of(dir)).readAll())
                .orElse(CheckpointExport.Exported.NONE);
        try (Connection connection = connect(true)) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            ChainVerification result = new ChainVerifier(jdbc, CheckpointKeyRing.of(keys)).verify(exported);
            out.println("records checked:     " + result.recordsChecked());
            out.println("checkpoints checked: " + result.checkpointsChecked());
            if (result.intact()) {
                out.println("chain intact");
                return 0;
            }
            out.println("chain BROKEN at sequence " + result.firstBrokenSequence() + ": " + result.reason() + " — "
                    + Objects.requireNonNull(result.reason()).description());
            return 1;
        }
    }

    private int purge() throws SQLException {
        SigningKey key = SigningKey.read(Path.of(arguments.required("--signing-key")));
        String partition = arguments.required("--partition");
        Actor operator = new Actor("urn:attest:operator", arguments.required("--operator"));
        Period retention = Period.parse(arguments.optional("--retention").orElse("P6Y"));
        Path exportDir = Path.of(arguments.optional("--checkpoints").orElse("var/checkpoints"));
        try (Connection connection = connect(false)) {
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            RetentionPurge purge = new RetentionPurge(
                    new JdbcTemplate(single),
                    new TransactionTemplate(new DataSourceTransactionManager(single)),
                    key,
                    new CheckpointExport(exportDir),
                    Clock.systemUTC());
            RetentionPurge.Outcome outcome = purge.purge(partition, retention, operator, arguments.flag("--dry-run"));
            out.println(outcome.message());
            if (outcome.checkpoint() != null) {
                out.println("left PURGE checkpoint " + outcome.checkpoint().id() + " at sequence "
                        + outcome.checkpoint().chainSequence() + " (exported to " + exportDir + ")");
            }
            return outcome.purged() || outcome.message().startsWith("dry run") ? 0 : 1;
        }
    }

    private int partitions() throws SQLException {
        try (Connection connection = connect(true)) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            jdbc.sql("""
                            SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bounds
                            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                            WHERE i.inhparent = 'audit_event'::regclass ORDER BY c.relname""")
                    .query((rs, row) -> rs.getString("name") + "  " + rs.getString("bounds"))
                    .list()
                    .forEach(out::println);
            return 0;
        }
    }

    private int keygen() {
        Path file = Path.of(arguments.required("--out"));
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists; choose a new file for a new key");
        }
        SigningKey key = SigningKey.resolve(new AuditProperties.CheckpointSettings(
                AuditProperties.CheckpointSettings.DEFAULTS.interval(),
                AuditProperties.CheckpointSettings.DEFAULTS.exportDir(),
                null,
                file,
                true,
                List.of()));
        out.println("new checkpoint signing key " + key.keyId() + " in " + file + ", public key in " + file + ".pub");
        return 0;
    }

    private Connection connect(boolean readOnly) throws SQLException {
        String url = arguments.required("--url");
        Properties properties = new Properties();
        arguments.optional("--user").ifPresent(user -> properties.setProperty("user", user));
        String passwordVariable = arguments.optional("--password-env").orElse("ATTEST_DB_PASSWORD");
        String password = System.getenv(passwordVariable);
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (readOnly) {
            // the server refuses any write in this session, whatever the role may do
            properties.setProperty("options", "-c default_transaction_read_only=on");
        }
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setReadOnly(readOnly);
        return connection;
    }
}
