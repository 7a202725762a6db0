package org.attest.api;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running application shared by the test classes that extend this (Spring caches the context): real
 * PostgreSQL and Redis, the embedded issuer, the shipped model, and the release threshold overridden to 0 so that
 * summaries are released. A second consumer client, {@code other-consumer}, exists to prove object-level access.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"attest.release.threshold-override=0.0", "attest.release.qa-sample-rate=0"})
public abstract class ReleasingApplicationTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry);
        registry.add("attest.security.embedded-issuer.clients.other-consumer", () -> "summaries:write summaries:read");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }
}
