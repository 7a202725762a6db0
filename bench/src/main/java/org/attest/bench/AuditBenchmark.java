package org.attest.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.ChainVerification;
import org.attest.audit.InputFingerprint;
import org.attest.audit.ModelRef;
import org.attest.audit.internal.AuditBenchRig;
import org.attest.testing.TestPostgres;
import org.flywaydb.core.Flyway;

/**
 * Chained appends per second through the audit trail's group commit, against plain INSERTs per second into a table
 * of the same shape (same columns, checks and indexes, no chain, no lock), on the same PostgreSQL in the same run,
 * with the same number of concurrent callers, each of which waits for its own commit — as a request does.
 *
 * <p>Usage: {@code bench/run audit [--threads 32] [--seconds 8] [--warmup 2] [--pool 5] [--rounds 3]
 * [--committers 1]}. {@code --pool} is the connection pool of both sides (the service's default is 5); the plain
 * side is also measured with one connection per caller, the most it could get. The sides alternate for
 * {@code --rounds} rounds and the medians are compared. Targets: chained ≥ 0.8 × the better plain rate, and
 * ≥ 2,000 events/s.
 */
public final class AuditBenchmark {

    private static final Actor CONSUMER = new Actor("https://idp.example.org", "bench-consumer");
    private static final ModelRef MODEL =
            new ModelRef("clinical-summarizer-extractive", "1", "ab".repeat(32), "cd".repeat(32));
    private static final String OUTPUT = "Chest pain for two days, worse on exertion. ECG with ST depression, troponin "
            + "mildly elevated. Plan: aspirin, heparin, admission to cardiology, repeat troponin in six hours, "
            + "echocardiogram tomorrow. [NAME] to follow up with [NAME] on [DATE].".repeat(2);

    private AuditBenchmark() {}

    public static void main(String[] args) throws Exception {
        int threads = option(args, "--threads", 32);
        int seconds = option(args, "--seconds", 8);
        int warmup = option(args, "--warmup", 2);
        int pool = option(args, "--pool", 5);
        int rounds = option(args, "--rounds", 3);
        int committers = option(args, "--committers", 1);
        String database = TestPostgres.newDatabase();
        Flyway.configure()
                .dataSource(database, null, null)
                .locations(
                        "classpath:db/migration/audit", "classpath:db/migration/review", "classpath:db/migration/api")
                .load()
                .migrate();
        createPlainTable(database);
        String app = TestPostgres.asRole(database, "attest_app");
        printMachine(database, threads, seconds, pool);

        List<Double> plainPool = new ArrayList<>();
        List<Double> plainWide = new ArrayList<>();
        List<Double> chained = new ArrayList<>();
        try (HikariDataSource plainSource = pool(app, pool);
                HikariDataSource wideSource = pool(app, threads);
                HikariDataSource chainSource = pool(app, pool);
                AuditBenchRig rig = new AuditBenchRig(chainSource, committers, 256)) {
            // interleaved rounds, so that a change in the machine's load hits every side alike
            for (int round = 1; round <= rounds; round++) {
                System.out.printf(Locale.ROOT, "round %d of %d%n", round, rounds);
                plainPool.add(measure(
                        "  plain INSERT, pool " + pool, threads, warmup, seconds, () -> plainInsert(plainSource)));
                plainWide.add(measure(
                        "  plain INSERT, pool " + threads, threads, warmup, seconds, () -> plainInsert(wideSource)));
                chained.add(measure("  chained, group commit, pool " + pool, threads, warmup, seconds, () -> {
                    rig.commit(event(), Duration.ofSeconds(5));
                }));
            }
            System.out.printf(Locale.ROOT, "mean events per chained commit: %.1f%n", rig.meanGroupSize());
            ChainVerification verification = rig.verify();
            System.out.printf(
                    Locale.ROOT,
                    "chain after the run: %d records, %s%n",
                    verification.recordsChecked(),
                    verification.intact() ? "intact" : "BROKEN at " + verification.firstBrokenSequence());
            if (!verification.intact() || verification.recordsChecked() == 0) {
                throw new IllegalStateException("the chained side did not leave an intact chain");
            }
        }
        double chainedRate = median(chained);
        double bestPlain = Math.max(median(plainPool), median(plainWide));
        System.out.printf(
                Locale.ROOT,
                "%nmedians: plain pool %d %.0f/s, plain pool %d %.0f/s, chained %.0f/s%n",
                pool,
                median(plainPool),
                threads,
                median(plainWide),
                chainedRate);
        System.out.printf(Locale.ROOT, "chained / best plain = %.2f (target >= 0.80)%n", chainedRate / bestPlain);
        System.out.printf(Locale.ROOT, "chained / plain at the same pool = %.2f%n", chainedRate / median(plainPool));
        System.out.printf(Locale.ROOT, "chained = %.0f events/s (target >= 2000 on 2 cores)%n", chainedRate);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Runs {@code work} on {@code threads} callers; returns completed calls per second after the warm-up. */
    private static double measure(String name, int threads, int warmup, int seconds, Work work) throws Exception {
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<?>> callers = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                callers.add(executor.submit(() -> {
                    while (running.get()) {
                        try {
                            work.run();
                            done.increment();
                        } catch (Exception e) {
                            failed.increment();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(Duration.ofSeconds(warmup));
            long startCount = done.sum();
            long start = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(seconds));
            long count = done.sum() - startCount;
            double elapsed = (System.nanoTime() - start) / 1e9;
            running.set(false);
            for (Future<?> caller : callers) {
                caller.get();
            }
            double rate = count / elapsed;
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %9.0f events/s  (%d in %.1f s, %d failed)%n",
                    name,
                    rate,
                    count,
                    elapsed,
                    failed.sum());
            return rate;
        }
    }

    private static AuditEvent event() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] hmac = new byte[32];
        random.nextBytes(hmac);
        return AuditEvent.builder(
                        AuditEventType.PREDICTION_RELEASED,
                        CONSUMER,
                        "bench-consumer",
                        UUID.randomUUID().toString())
                .subject(UUID.randomUUID().toString())
                .input(new InputFingerprint("k1", HexFormat.of().formatHex(hmac)))
                .output(OUTPUT)
                .confidence(random.nextDouble())
                .model(MODEL)
                .redactionPolicy("redaction-policy/1")
                .decision("RELEASED", null)
                .build();
    }

    /** One autocommit INSERT of a same-shaped row: its own transaction and its own commit, as a request would. */
    private static void plainInsert(HikariDataSource source) throws SQLException {
        AuditEvent event = event();
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        String hex = HexFormat.of().formatHex(hash);
        try (Connection connection = source.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO audit_event_plain (event_time, event_type, actor_issuer, actor_subject, client_id,
                            request_id, subject_id, input_hmac, input_hmac_key_id, output, confidence, model_name,
                            model_version, model_sha256, model_card_hash, redaction_policy_version, decision, rule,
                            prev_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setString(2, event.type().name());
            insert.setString(3, event.actor().issuer());
            insert.setString(4, event.actor().subject());
            insert.setString(5, event.clientId());
            insert.setString(6, event.requestId());
            insert.setString(7, event.subjectId());
            insert.setString(8, event.input().hmac());
            insert.setString(9, event.input().keyId());
            insert.setString(10, event.output());
            insert.setDouble(11, event.confidence());
            insert.setString(12, MODEL.name());
            insert.setString(13, MODEL.version());
            insert.setString(14, MODEL.artifactSha256());
            insert.setString(15, MODEL.cardHash());
            insert.setString(16, event.redactionPolicyVersion());
            insert.setString(17, event.decision());
            insert.setString(18, event.rule());
            insert.setString(19, hex);
            insert.setString(20, hex);
            insert.executeUpdate();
        }
    }

    /** audit_event's columns, checks and indexes on an ordinary table whose sequence comes from a sequence. */
    private static void createPlainTable(String database) throws SQLException {
        try (Connection admin = java.sql.DriverManager.getConnection(database);
                Statement statement = admin.createStatement()) {
            statement.execute(
                    "CREATE TABLE audit_event_plain (LIKE audit_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            statement.execute("ALTER TABLE audit_event_plain DROP CONSTRAINT IF EXISTS audit_event_check3");
            statement.execute("CREATE SEQUENCE audit_event_plain_seq OWNED BY audit_event_plain.seq");
            statement.execute("ALTER TABLE audit_event_plain ALTER seq SET DEFAULT nextval('audit_event_plain_seq')");
            statement.execute("ALTER TABLE audit_event_plain ADD PRIMARY KEY (seq, event_time)");
            statement.execute("CREATE INDEX ON audit_event_plain (event_time)");
            statement.execute("CREATE INDEX ON audit_event_plain (request_id)");
            statement.execute("CREATE INDEX ON audit_event_plain (subject_id) WHERE subject_id IS NOT NULL");
            statement.execute("CREATE INDEX ON audit_event_plain (input_hmac) WHERE input_hmac IS NOT NULL");
            statement.execute("GRANT SELECT, INSERT ON audit_event_plain TO attest_app");
            statement.execute("GRANT USAGE ON SEQUENCE audit_event_plain_seq TO attest_app");
        }
    }

    private static void printMachine(String database, int threads, int seconds, int pool) throws SQLException {
        try (Connection admin = java.sql.DriverManager.getConnection(database);
                Statement statement = admin.createStatement();
                var rs = statement.executeQuery(
                        "SELECT version(), current_setting('synchronous_commit'), current_setting('fsync')")) {
            rs.next();
            System.out.printf(
                    Locale.ROOT,
                    "machine: %d cores, Java %s; %s; synchronous_commit=%s fsync=%s%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version(),
                    rs.getString(1).replaceAll(" on .*", ""),
                    rs.getString(2),
                    rs.getString(3));
        }
        System.out.printf(
                Locale.ROOT,
                "workload: %d concurrent callers, %d s each after warm-up, pool %d%n%n",
                threads,
                seconds,
                pool);
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** One caller's unit of work. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }
}
