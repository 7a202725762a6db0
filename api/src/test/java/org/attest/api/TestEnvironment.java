package org.attest.api;

import java.util.Base64;
import java.util.UUID;
import org.attest.testing.TestPostgres;
import org.attest.testing.TestRedis;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real services every application test runs against: a fresh PostgreSQL database per Spring context (so the
 * append-only audit chain starts empty), the shared Redis under a key prefix of its own, and a fixed input HMAC
 * key.
 */
public final class TestEnvironment {

    /** A fixed 32-byte key, so tests can recompute HMACs; never a production key. */
    public static final byte[] INPUT_HMAC_KEY =
            "attest-test-input-hmac-key-32-by".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private TestEnvironment() {}

    public static void register(DynamicPropertyRegistry registry) {
        String database = TestPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> database);
        registry.add("attest.rate-limit.redis-url", TestRedis::url);
        registry.add("attest.rate-limit.key-prefix", () -> "attest-test:" + UUID.randomUUID());
        registry.add("attest.audit.input-hmac-key", () -> Base64.getEncoder().encodeToString(INPUT_HMAC_KEY));
        registry.add("attest.audit.input-hmac-key-id", () -> "test-key");
    }
}
