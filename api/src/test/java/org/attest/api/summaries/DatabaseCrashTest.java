package org.attest.api.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.attest.api.ApiClient;
import org.attest.api.TestEnvironment;
import org.attest.audit.AuditTrail;
import org.attest.audit.ChainVerification;
import org.attest.testing.PrivatePostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fail closed across a database crash. Concurrent summarize calls run against the application while its
 * PostgreSQL — a private cluster of this test, never the shared server — is killed ({@code pg_ctl stop -m
 * immediate}) and started again. Then, reconciling responses with rows by request id: every 2xx has exactly one
 * audit row and its summary, no audit row or summary exists without the other, every request got an answer (2xx or
 * 503) within a bound, the service recovered without a restart, and the chain verifies. A database that hangs
 * instead ({@code kill -STOP}) fails requests with 503 rather than holding them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "attest.release.threshold-override=0.0",
            "attest.release.qa-sample-rate=0",
            "attest.rate-limit.requests-per-minute=1000000"
        })
@DirtiesContext
class DatabaseCrashTest {

    static final int CALLERS = 6;
    static final Duration ANSWER_BOUND = Duration.ofSeconds(30);

    static PrivatePostgres cluster;

    @DynamicPropertySource
    static void privateCluster(DynamicPropertyRegistry registry) {
        cluster = PrivatePostgres.start();
        TestEnvironment.register(registry, cluster.createDatabase("attest"));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    @Test
    void everyAnswerMatchesTheRowsAfterACrashAndTheChainVerifies() throws Exception {
        String token = new ApiClient(port).token("demo-consumer");
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<?>> callers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CALLERS)) {
            for (int i = 0; i < CALLERS; i++) {
                int caller = i;
                callers.add(pool.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        answers.add(summarize(token, caller, n));
                    }
                    return null;
                }));
            }
            awaitAnswers(201, 20);
            cluster.stopImmediately();
            awaitAnswers(503, 5);
            cluster.restart();
            long createdBefore = count(201);
            awaitCount(() -> count(201) >= createdBefore + 20);
            running.set(false);
            for (Future<?> caller : callers) {
                caller.get();
            }
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(201, 503));
        Map<String, Integer> auditRows = new HashMap<>();
        Map<String, Integer> summaries = new HashMap<>();
        try (Connection db = DriverManager.getConnection(cluster.url("attest", "postgres"));
                Statement statement = db.createStatement()) {
            countByRequest(
                    statement,
                    "SELECT request_id FROM audit_event WHERE event_type = 'PREDICTION_RELEASED'",
                    auditRows);
            countByRequest(statement, "SELECT request_id FROM summary", summaries);
            assertThat(single(statement, """
                            SELECT count(*) FROM audit_event a WHERE a.event_type LIKE 'PREDICTION%' AND NOT EXISTS
                                (SELECT 1 FROM summary s WHERE s.id::text = a.subject_id AND s.request_id = a.request_id)"""))
                    .as("audit rows without their summary")
                    .isZero();
            assertThat(single(statement, """
                            SELECT count(*) FROM summary s WHERE NOT EXISTS (SELECT 1 FROM audit_event a
                                WHERE a.subject_id = s.id::text AND a.event_type LIKE 'PREDICTION%')"""))
                    .as("summaries without their audit row")
                    .isZero();
        }
        for (Answer answer : answers) {
            if (answer.status() == 201) {
                assertThat(auditRows.get(answer.requestId()))
                        .as("audit rows of %s", answer.requestId())
                        .isEqualTo(1);
                assertThat(summaries.get(answer.requestId()))
                        .as("summaries of %s", answer.requestId())
                        .isEqualTo(1);
            }
        }
        ChainVerification verification = trail.verify();
        assertThat(verification.intact()).as("%s", verification).isTrue();
        assertThat(verification.recordsChecked()).isGreaterThanOrEqualTo(count(201));
    }

    @Test
    void aHangingDatabaseFailsRequestsWithinTheBoundAndTheServiceRecovers() throws Exception {
        String token = new ApiClient(port).token("demo-consumer");
        assertThat(summarize(token, 9, 0).status()).isEqualTo(201);
        List<Long> frozen = cluster.freeze();
        List<Answer> during = new ArrayList<>();
        List<Duration> took = new ArrayList<>();
        try {
            for (int n = 1; n <= 3; n++) {
                long start = System.nanoTime();
                during.add(summarize(token, 9, n));
                took.add(Duration.ofNanos(System.nanoTime() - start));
            }
        } finally {
            cluster.thaw(frozen);
        }

        // 503 after about the commit timeout (2 s) and the in-flight grace; the bound here is generous on purpose
        assertThat(during).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(503));
        assertThat(took).allSatisfy(duration -> assertThat(duration).isLessThan(Duration.ofSeconds(20)));
        awaitCount(() -> summarize(token, 9, 99).status() == 201);
        assertThat(trail.verify().intact()).isTrue();
    }

    private Answer summarize(String token, int caller, int n) {
        String requestId = "crash-" + caller + "-" + n + "-" + System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/summaries"))
                .timeout(ANSWER_BOUND)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.textBody("Patient " + n
                        + " with cough and fever for three days, started on amoxicillin. Follow up in one week.")))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String echoed = response.headers().firstValue("X-Request-Id").orElse(requestId);
            if (response.statusCode() == 201) {
                assertThat(JsonMapper.builder()
                                .build()
                                .readTree(response.body())
                                .path("requestId")
                                .asString())
                        .isEqualTo(echoed);
            }
            return new Answer(response.statusCode(), echoed);
        } catch (IOException e) {
            // a request that got no answer within the bound fails the test below
            return new Answer(-1, requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, requestId);
        }
    }

    private void awaitAnswers(int status, long atLeast) throws InterruptedException {
        long start = count(status);
        awaitCount(() -> count(status) >= start + atLeast);
    }

    private static void awaitCount(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("waited three minutes for the load to get there")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private long count(int status) {
        return answers.stream().filter(answer -> answer.status() == status).count();
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void countByRequest(Statement statement, String sql, Map<String, Integer> counts)
            throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.merge(rows.getString(1), 1, Integer::sum);
            }
        }
    }

    /** One response: its status (-1 for none within the bound) and its request id. */
    private record Answer(int status, String requestId) {}
}
