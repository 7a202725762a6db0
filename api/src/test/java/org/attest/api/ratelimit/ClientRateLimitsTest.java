package org.attest.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.attest.testing.TestRedis;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The buckets against the real Redis, and the documented fallback when Redis is not there. */
class ClientRateLimitsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void twoInstancesShareOneLimitThroughRedis() {
        RateLimitProperties properties = properties(4, TestRedis.url(), 1);
        try (RedisClient redis = client(properties)) {
            ClientRateLimits first = new ClientRateLimits(properties, redis, Clock.systemUTC(), meters);
            ClientRateLimits second = new ClientRateLimits(properties, redis, Clock.systemUTC(), meters);

            assertThat(first.tryAcquire("client-a").allowed()).isTrue();
            assertThat(second.tryAcquire("client-a").allowed()).isTrue();
            assertThat(first.tryAcquire("client-a").allowed()).isTrue();
            RateLimitDecision last = second.tryAcquire("client-a");
            assertThat(last.allowed()).isTrue();
            assertThat(last.remaining()).isZero();
            assertThat(last.backend()).isEqualTo("redis");

            RateLimitDecision refused = first.tryAcquire("client-a");
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
            assertThat(second.tryAcquire("client-b").allowed()).isTrue();
        }
    }

    @Test
    void withoutRedisEachInstanceFallsBackToItsShareOfTheLimit() {
        // port 1 on loopback: nothing listens, the connection is refused at once
        RateLimitProperties properties = properties(6, "redis://127.0.0.1:1", 2);
        try (RedisClient redis = client(properties)) {
            ClientRateLimits limits = new ClientRateLimits(properties, redis, Clock.systemUTC(), meters);
            limits.probeRedis("127.0.0.1:1");
            assertThat(limits.backend()).isEqualTo("local");

            for (int i = 0; i < 3; i++) {
                RateLimitDecision decision = limits.tryAcquire("client-a");
                assertThat(decision.allowed()).isTrue();
                assertThat(decision.backend()).isEqualTo("local");
            }
            assertThat(limits.tryAcquire("client-a").allowed()).isFalse();
            assertThat(meters.counter("attest.rate_limit.redis_failures").count())
                    .isPositive();
        }
    }

    @Test
    void aRedisFailureDuringServiceFallsBackWithoutFailingTheRequest() {
        RateLimitProperties properties = properties(100, "redis://127.0.0.1:1", 1);
        try (RedisClient redis = client(properties)) {
            ClientRateLimits limits = new ClientRateLimits(properties, redis, Clock.systemUTC(), meters);
            RateLimitDecision decision = limits.tryAcquire("client-a");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.backend()).isEqualTo("local");
        }
    }

    private static RateLimitProperties properties(int perMinute, String url, int replicas) {
        return new RateLimitProperties(
                perMinute,
                url,
                "attest-test:" + UUID.randomUUID(),
                replicas,
                Duration.ofMillis(250),
                Duration.ofSeconds(10));
    }

    private static RedisClient client(RateLimitProperties properties) {
        return new RateLimitConfiguration().rateLimitRedis(properties);
    }
}
