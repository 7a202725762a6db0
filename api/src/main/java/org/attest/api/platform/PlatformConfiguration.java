package org.attest.api.platform;

import java.time.Clock;
import org.attest.serving.ModelState;
import org.attest.serving.ModelStatus;
import org.attest.serving.Summarizer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every module reads time from, and the health of the served model. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** A served model that failed to load: the service still answers, but sends every prediction to review. */
    static final Status DEGRADED = new Status("DEGRADED", "model failed to load; predictions go to review");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Part of readiness: DEGRADED (still ready, HTTP 200) when the summarizer runs on its fallback. */
    @Bean
    HealthIndicator modelHealthIndicator(Summarizer summarizer) {
        return () -> {
            ModelStatus status = summarizer.status();
            Health.Builder health = switch (status.state()) {
                case READY -> Health.up();
                case PENDING -> Health.outOfService();
                case FAILED -> Health.status(DEGRADED);
            };
            health.withDetail("alias", status.alias())
                    .withDetail("model", status.version().id())
                    .withDetail("state", status.state().name());
            if (status.device() != null) {
                health.withDetail("device", status.device());
            }
            if (status.state() == ModelState.FAILED && status.failureReason() != null) {
                health.withDetail("reason", status.failureReason());
            }
            return health.build();
        };
    }
}
