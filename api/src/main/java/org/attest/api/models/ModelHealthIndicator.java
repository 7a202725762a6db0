package org.attest.api.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attest.serving.AliasTarget;
import org.attest.serving.ModelRegistry;
import org.attest.serving.ModelState;
import org.attest.serving.RegisteredVersion;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code model} part of readiness, from the states of the alias targets: UP when every target is READY;
 * {@code DEGRADED} (still ready, HTTP 200) when one is FAILED or not in the registry, since its predictions then come
 * from the fallback and all go to review; OUT_OF_SERVICE while one is still PENDING (loading).
 */
@Component("modelHealthIndicator")
class ModelHealthIndicator implements HealthIndicator {

    /** An alias target that cannot serve: the service still answers, but sends every such prediction to review. */
    static final Status DEGRADED = new Status("DEGRADED", "a model failed to load; its predictions go to review");

    static final String SUMMARIZER = "summarizer";

    private final ModelRegistry registry;

    ModelHealthIndicator(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        List<AliasTarget> aliases = registry.aliases();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean degraded = aliases.isEmpty();
        boolean pending = false;
        for (AliasTarget alias : aliases) {
            RegisteredVersion version =
                    registry.version(alias.model(), alias.version()).orElse(null);
            ModelState state = version == null ? ModelState.FAILED : version.state();
            degraded |= state == ModelState.FAILED;
            pending |= state == ModelState.PENDING;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("model", alias.targetId());
            detail.put("state", state.name());
            if (version != null && version.device() != null) {
                detail.put("device", version.device());
            }
            if (state == ModelState.FAILED) {
                detail.put("reason", version == null ? "not in the registry" : version.failureReason());
            }
            details.put(alias.alias(), detail);
        }
        Health.Builder health = degraded ? Health.status(DEGRADED) : pending ? Health.outOfService() : Health.up();
        // the summarizer's target also at the top level, as operators' dashboards read it
        if (details.get(SUMMARIZER) instanceof Map<?, ?> summarizer) {
            health.withDetail("alias", SUMMARIZER);
            summarizer.forEach((key, value) -> health.withDetail(String.valueOf(key), value));
        }
        return health.withDetail("aliases", details).build();
    }
}
