package org.attest.api;

import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.attest.testing.TestPostgres;
import org.attest.testing.TestRedis;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real services every application test runs against: a fresh PostgreSQL database per Spring context (so the
 * append-only audit chain starts empty) that Flyway migrates as the superuser and the service uses as the
 * application role {@code attest_app}, as in production; the shared Redis under a key prefix of its own; a fixed
 * input HMAC key; and a checkpoint signing key and export directory of the context's own under {@code target/}.
 */
public final class TestEnvironment {

    /** The role the service logs in as; the migrations create it. */
    public static final String APPLICATION_ROLE = "attest_app";

    /** A fixed 32-byte key, so tests can recompute HMACs; never a production key. */
    public static final byte[] INPUT_HMAC_KEY =
            "attest-test-input-hmac-key-32-by".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private TestEnvironment() {}

    public static void register(DynamicPropertyRegistry registry) {
        register(registry, TestPostgres.newDatabase());
    }

    /** The same, on a database of the caller's (a JDBC URL as a superuser), e.g. on a private cluster. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.flyway.url", () -> database);
        registry.add("spring.datasource.url", () -> TestPostgres.asRole(database, APPLICATION_ROLE));
        registry.add("attest.rate-limit.redis-url", TestRedis::url);
        registry.add("attest.rate-limit.key-prefix", () -> "attest-test:" + UUID.randomUUID());
        registry.add("attest.audit.input-hmac-key", () -> Base64.getEncoder().encodeToString(INPUT_HMAC_KEY));
        registry.add("attest.audit.input-hmac-key-id", () -> "test-key");
        Path audit = Path.of("target", "test-audit", UUID.randomUUID().toString());
        registry.add("attest.audit.checkpoint.signing-key-file", () -> audit.resolve("checkpoint-signing.pem"));
        registry.add("attest.audit.checkpoint.export-dir", () -> audit.resolve("checkpoints"));
    }
}
