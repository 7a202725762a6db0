package org.attest.api.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.attest.api.web.Problems;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/** Wires the Redis pool, the client buckets and the filter that the security chain places. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    RedisClient rateLimitRedis(RateLimitProperties properties) {
        URI uri = URI.create(properties.redisUrl());
        int timeoutMillis = (int) properties.redisTimeout().toMillis();
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(16);
        pool.setMaxWait(properties.redisTimeout());
        return RedisClient.builder()
                .hostAndPort(JedisURIHelper.getHostAndPort(uri))
                .clientConfig(DefaultJedisClientConfig.builder(uri)
                        .connectionTimeoutMillis(timeoutMillis)
                        .socketTimeoutMillis(timeoutMillis)
                        .build())
                .poolConfig(pool)
                .build();
    }

    @Bean
    ClientRateLimits clientRateLimits(
            RateLimitProperties properties, RedisClient rateLimitRedis, Clock clock, MeterRegistry meters) {
        ClientRateLimits limits = new ClientRateLimits(properties, rateLimitRedis, clock, meters);
        URI redis = URI.create(properties.redisUrl());
        limits.probeRedis(redis.getHost() + ":" + redis.getPort());
        return limits;
    }

    @Bean
    RateLimitFilter rateLimitFilter(ClientRateLimits limits, Problems problems, RateLimitProperties properties) {
        return new RateLimitFilter(limits, problems, properties.requestsPerMinute());
    }

    /** The filter runs inside the security chain only; keep the servlet container from running it a second time. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** Says where the buckets live; never DOWN, since the fallback keeps the API serving. */
    @Bean
    HealthIndicator rateLimitHealthIndicator(ClientRateLimits limits, RateLimitProperties properties) {
        return () -> {
            boolean shared = ClientRateLimits.REDIS.equals(limits.backend());
            return Health.up()
                    .withDetail("backend", limits.backend())
                    .withDetail("scope", shared ? "shared across replicas" : "this instance only")
                    .withDetail(
                            "requestsPerMinute",
                            shared ? properties.requestsPerMinute() : properties.localRequestsPerMinute())
                    .build();
        };
    }
}
