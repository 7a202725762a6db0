package org.attest.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.serving.internal.ServingBenchRig;
import org.attest.testing.TestPostgres;
import org.attest.testing.TestRedis;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application started in this JVM, as the tests start it: a fresh PostgreSQL database migrated by Flyway and
 * used as {@code attest_app}, the shared Redis under a key prefix of its own, the embedded issuer, redaction and the
 * audit group commit on. The rate limit is raised so that the benchmark measures the service, not its throttle.
 */
final class InProcessApplication implements AutoCloseable {

    private static final String APPLICATION = "org.attest.api.AttestApplication";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final ConfigurableApplicationContext context;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    InProcessApplication(Map<String, String> extra) throws Exception {
        String database = TestPostgres.newDatabase();
        Path files =
                Path.of("bench", "target", "serving-bench", UUID.randomUUID().toString());
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.flyway.url", database);
        properties.put("spring.datasource.url", TestPostgres.asRole(database, "attest_app"));
        properties.put("attest.rate-limit.redis-url", TestRedis.url());
        properties.put("attest.rate-limit.key-prefix", "attest-bench:" + UUID.randomUUID());
        properties.put("attest.rate-limit.requests-per-minute", "100000000");
        byte[] key = "attest-bench-input-hmac-key-32-b".getBytes(StandardCharsets.US_ASCII);
        properties.put("attest.audit.input-hmac-key", Base64.getEncoder().encodeToString(key));
        properties.put("attest.audit.input-hmac-key-id", "bench-key");
        properties.put(
                "attest.audit.checkpoint.signing-key-file",
                files.resolve("checkpoint-signing.pem").toString());
        properties.put(
                "attest.audit.checkpoint.export-dir",
                files.resolve("checkpoints").toString());
        properties.put("logging.level.root", "WARN");
        properties.putAll(extra);
        this.context = new SpringApplicationBuilder(Class.forName(APPLICATION))
                .properties(properties)
                .run();
        this.base = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
        this.token = clientCredentialsToken("demo-consumer");
    }

    /** Posts a note to {@code /v1/summaries}; returns the HTTP status. */
    int summarize(String note) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/summaries"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":" + json(note) + "}"))
                .timeout(Duration.ofSeconds(60))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Sentences the application's engine has embedded so far (its own batch-size meter). */
    double sentencesEmbedded() {
        return ServingBenchRig.embedded(Search.in(context.getBean(MeterRegistry.class)));
    }

    /** Seconds the application's models have spent in model calls so far, per model name (their compute meters). */
    java.util.Map<String, Double> computeSeconds() {
        return ServingBenchRig.computeSeconds(Search.in(context.getBean(MeterRegistry.class)));
    }

    private String clientCredentialsToken(String client) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher matcher = ACCESS_TOKEN.matcher(reply.body());
        if (reply.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("token request failed with " + reply.statusCode());
        }
        return matcher.group(1);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        context.close();
    }
}
