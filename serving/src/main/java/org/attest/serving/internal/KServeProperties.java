package org.attest.serving.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Remote KServe v2 servers ({@code attest.serving.kserve}), one endpoint per model name of a manifest of kind
 * {@code kserve-v2-extractive-summarizer}: the URL is deployment configuration, not part of the model.
 *
 * @param endpoints by the manifest's model {@code name}
 */
@Validated
@ConfigurationProperties("attest.serving.kserve")
record KServeProperties(@DefaultValue @NotNull Map<String, @Valid Endpoint> endpoints) {

    /**
     * One remote model.
     *
     * @param url the server's base URL, e.g. {@code http://triton:8000}
     * @param model the server's model name
     * @param version the server's model version; unset lets the server choose
     * @param connectTimeout bound on opening a connection
     * @param requestTimeout bound on one request, answer included
     * @param maxAttempts attempts per call; retries on connect errors and 5xx only
     * @param backoff wait before the first retry, doubled for each further one
     */
    record Endpoint(
            @NotNull URI url,
            @NotBlank String model,
            @Nullable String version,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("3") @Min(1) int maxAttempts,
            @DefaultValue("100ms") Duration backoff) {

        KServeV2Settings settings() {
            return new KServeV2Settings(url, model, version, connectTimeout, requestTimeout, maxAttempts, backoff);
        }
    }
}
