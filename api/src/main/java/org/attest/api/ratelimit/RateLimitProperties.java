package org.attest.api.ratelimit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client rate limits ({@code attest.rate-limit}).
 *
 * @param requestsPerMinute bucket capacity and refill per minute, per client, across all replicas
 * @param redisUrl the Redis holding the shared buckets ({@code redis://host:port}, {@code rediss://} for TLS)
 * @param keyPrefix prefix of the bucket keys in Redis
 * @param replicas how many replicas share the limit; while Redis is unavailable each replica allows
 *     {@code requestsPerMinute / replicas} on its own
 * @param redisTimeout connect and command timeout: a slow Redis must not slow the API
 * @param redisRetryInterval after a Redis failure, how long to use local buckets before trying Redis again
 */
@Validated
@ConfigurationProperties("attest.rate-limit")
record RateLimitProperties(
        @DefaultValue("120") @Min(1) int requestsPerMinute,
        @DefaultValue("redis://127.0.0.1:6379") @NotBlank String redisUrl,
        @DefaultValue("attest:rate-limit") @NotBlank String keyPrefix,
        @DefaultValue("1") @Min(1) int replicas,
        @DefaultValue("250ms") Duration redisTimeout,
        @DefaultValue("10s") Duration redisRetryInterval) {

    long localRequestsPerMinute() {
        return Math.max(1, requestsPerMinute / replicas);
    }
}
