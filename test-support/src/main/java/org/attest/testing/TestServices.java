package org.attest.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests' PostgreSQL and Redis come from: explicit environment variables, else Testcontainers where a
 * Docker engine answers, else the services on loopback that our machines and CI run.
 */
final class TestServices {

    private TestServices() {}

    /** True when a Docker engine is plausibly reachable; checked cheaply before Testcontainers is touched. */
    static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
