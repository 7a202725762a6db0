package org.attest.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Hands each test context a new, empty PostgreSQL database, so that append-only audit tables never carry rows
 * from one test into another. Databases are dropped when the JVM exits; leftovers of killed runs older than six
 * hours are dropped on first use.
 *
 * <p>Server: {@code ATTEST_TEST_POSTGRES_URL} (a JDBC URL of an existing database, with user and password as
 * URL parameters), else a Testcontainers PostgreSQL where Docker runs, else {@code 127.0.0.1:5432} as
 * {@code postgres} (trust auth), the service on our machines.
 */
public final class TestPostgres {

    private static final String PREFIX = "attest_t_";
    private static final List<String> CREATED = new ArrayList<>();
    private static String adminUrl;

    private TestPostgres() {}

    /** A JDBC URL (user and password included as parameters) of a database created just now. */
    public static synchronized String newDatabase() {
        String admin = adminUrl();
        String name = PREFIX + System.currentTimeMillis() + "_"
                + Integer.toUnsignedString(ThreadLocalRandom.current().nextInt(), 36);
        execute(admin, "CREATE DATABASE " + name);
        CREATED.add(name);
        return withDatabase(admin, name);
    }

    private static synchronized String adminUrl() {
        if (adminUrl == null) {
            adminUrl = resolveServer();
            dropStale(adminUrl);
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "drop-test-databases"));
        }
        return adminUrl;
    }

    private static String resolveServer() {
        String explicit = System.getenv("ATTEST_TEST_POSTGRES_URL");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        if (TestServices.dockerAvailable()) {
            // trust, as on our machines: the migrations' roles (attest_app, ...) log in without a password
            PostgreSQLContainer container =
                    new PostgreSQLContainer("postgres:17-alpine").withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
            container.start();
            return container.getJdbcUrl() + "?user=" + container.getUsername() + "&password=" + container.getPassword();
        }
        return "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    }

    /**
     * The same database as another role: the URL's {@code user} replaced (its {@code password} dropped), for
     * connecting as the migrations' roles ({@code attest_app}, {@code attest_auditor}), which log in without a
     * password under trust authentication.
     */
    public static String asRole(String url, String role) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        List<String> params = new ArrayList<>();
        if (query >= 0) {
            for (String param : url.substring(query + 1).split("&")) {
                if (!param.startsWith("user=") && !param.startsWith("password=") && !param.isEmpty()) {
                    params.add(param);
                }
            }
        }
        params.add("user=" + role);
        return base + "?" + String.join("&", params);
    }

    /** Replaces the database name in a JDBC URL, keeping its parameters. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static void dropStale(String admin) {
        long cutoff = System.currentTimeMillis() - Duration.ofHours(6).toMillis();
        List<String> stale = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(admin, new Properties());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                if (parts.length > 0 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL is not reachable at the configured URL", e);
        }
        stale.forEach(name -> dropQuietly(admin, name));
    }

    private static synchronized void dropCreated() {
        CREATED.forEach(name -> dropQuietly(adminUrl, name));
        CREATED.clear();
    }

    private static void dropQuietly(String admin, String name) {
        try {
            execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (IllegalStateException e) {
            // best effort: a later run drops it once it is stale
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, new Properties());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL statement failed: " + sql, e);
        }
    }
}
