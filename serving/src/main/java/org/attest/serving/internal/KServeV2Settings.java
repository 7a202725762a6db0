package org.attest.serving.internal;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where and how to reach a model on a Triton / KServe server over the KServe v2 REST protocol.
 *
 * @param url the server's base URL, e.g. {@code http://triton:8000}
 * @param model the server's model name
 * @param version the server's model version, or null to let the server choose (its latest / policy)
 * @param connectTimeout bound on opening a connection
 * @param requestTimeout bound on one request, response included
 * @param maxAttempts attempts per call, the first included; retried on connect errors and 5xx answers only
 * @param backoff wait before the second attempt, doubled before each further one
 */
record KServeV2Settings(
        URI url,
        String model,
        @Nullable String version,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxAttempts,
        Duration backoff) {

    KServeV2Settings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (!model.matches("[A-Za-z0-9._-]+") || (version != null && !version.matches("[A-Za-z0-9._-]+"))) {
            throw new IllegalArgumentException("model and version must be URL-safe names");
        }
    }

    /** Defaults: 2 s to connect, 10 s per request, 3 attempts, 100 ms backoff. */
    static KServeV2Settings of(URI url, String model, @Nullable String version) {
        return new KServeV2Settings(
                url, model, version, Duration.ofSeconds(2), Duration.ofSeconds(10), 3, Duration.ofMillis(100));
    }

    /** {@code /v2/models/{m}[/versions/{v}]}. */
    String modelPath() {
        return "/v2/models/" + model + (version == null ? "" : "/versions/" + version);
    }

    /** {@code name[:version]} for messages. */
    String id() {
        return version == null ? model : model + ":" + version;
    }
}
