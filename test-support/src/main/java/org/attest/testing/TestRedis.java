package org.attest.testing;

import org.testcontainers.containers.GenericContainer;

/**
 * The Redis the tests use: {@code ATTEST_TEST_REDIS_URL}, else a Testcontainers Redis where Docker runs, else
 * {@code redis://127.0.0.1:6379}, the service on our machines. Tests isolate themselves by key prefix.
 */
public final class TestRedis {

    private static String url;

    private TestRedis() {}

    public static synchronized String url() {
        if (url == null) {
            url = resolve();
        }
        return url;
    }

    @SuppressWarnings("resource") // lives for the JVM; Testcontainers' reaper removes it
    private static String resolve() {
        String explicit = System.getenv("ATTEST_TEST_REDIS_URL");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        if (TestServices.dockerAvailable()) {
            GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
            return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
        }
        return "redis://127.0.0.1:6379";
    }
}
