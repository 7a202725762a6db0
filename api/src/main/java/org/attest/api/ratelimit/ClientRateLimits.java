package org.attest.api.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Token buckets per OAuth2 client. The buckets live in Redis (Bucket4j, compare-and-swap) so that every replica
 * shares one limit. When Redis fails, the documented policy applies: fall back to in-process buckets of
 * {@code requestsPerMinute / replicas}, log and count it, retry Redis after an interval — never fail the request.
 */
class ClientRateLimits {

    private static final Logger log = LoggerFactory.getLogger(ClientRateLimits.class);
    static final String REDIS = "redis";
    static final String LOCAL = "local";

    private final RateLimitProperties properties;
    private final UnifiedJedis redis;
    private final ProxyManager<byte[]> redisBuckets;
    private final BucketConfiguration sharedLimit;
    private final Map<String, Bucket> localBuckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile long redisRetryAtMillis;
    private volatile boolean redisHealthy = true;

    ClientRateLimits(RateLimitProperties properties, UnifiedJedis redis, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.redis = redis;
        this.clock = clock;
        this.meters = meters;
        long perMinute = properties.requestsPerMinute();
        this.sharedLimit = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
        this.redisBuckets = Bucket4jJedis.casBasedBuilder(redis)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Checks once at startup whether Redis answers, and says so in the log. */
    void probeRedis(String redisAddress) {
        try {
            redis.ping();
            log.info("rate limits shared through Redis at {}", redisAddress);
        } catch (RuntimeException e) {
            redisFailed(e);
            log.warn(
                    "Redis not reachable at {}: rate limits are per instance ({} requests/minute per client) until it is",
                    redisAddress,
                    properties.localRequestsPerMinute());
        }
    }

    RateLimitDecision tryAcquire(String clientId) {
        if (clock.millis() >= redisRetryAtMillis) {
            try {
                byte[] key = (properties.keyPrefix() + ":" + clientId).getBytes(StandardCharsets.UTF_8);
                ConsumptionProbe probe =
                        redisBuckets.builder().build(key, () -> sharedLimit).tryConsumeAndReturnRemaining(1);
                redisRecovered();
                return record(decision(probe, REDIS));
            } catch (RuntimeException e) {
                redisFailed(e);
            }
        }
        Bucket local = localBuckets.computeIfAbsent(clientId, id -> localBucket());
        return record(decision(local.tryConsumeAndReturnRemaining(1), LOCAL));
    }

    /** The backend new requests go to now. */
    String backend() {
        return clock.millis() >= redisRetryAtMillis ? REDIS : LOCAL;
    }

    private Bucket localBucket() {
        long perMinute = properties.localRequestsPerMinute();
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    private void redisFailed(RuntimeException e) {
        redisRetryAtMillis = clock.millis() + properties.redisRetryInterval().toMillis();
        meters.counter("attest.rate_limit.redis_failures").increment();
        if (redisHealthy) {
            redisHealthy = false;
            log.warn(
                    "Redis failed ({}): rate limits fall back to in-process buckets for {}",
                    e.getClass().getSimpleName(),
                    properties.redisRetryInterval());
        }
    }

    private void redisRecovered() {
        if (!redisHealthy) {
            redisHealthy = true;
            log.info("Redis answers again: rate limits are shared across replicas");
        }
    }

    private RateLimitDecision record(RateLimitDecision decision) {
        meters.counter(
                        "attest.rate_limit.requests",
                        "backend",
                        decision.backend(),
                        "outcome",
                        decision.allowed() ? "allowed" : "rejected")
                .increment();
        return decision;
    }

    private static RateLimitDecision decision(ConsumptionProbe probe, String backend) {
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        return new RateLimitDecision(
                probe.isConsumed(),
                probe.getRemainingTokens(),
                retryAfter,
                ceilSeconds(probe.getNanosToWaitForReset()),
                backend);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
