package org.attest.api.reviews;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.attest.review.ReleaseProbations;
import org.attest.serving.AliasTarget;
import org.attest.serving.ModelPromoted;
import org.attest.serving.ModelRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts a version on probation when an alias is moved to it (promotion or rollback, after the audited move has
 * committed): its predictions all go to review until clinicians agree with it often enough. The versions the aliases
 * pointed at when the service started are never put on probation (rolling back to one of them returns to a version
 * already trusted). {@code attest.review.probation.on-promotion=false} turns this off.
 */
@Component
@ConditionalOnProperty(name = "attest.review.probation.on-promotion", havingValue = "true", matchIfMissing = true)
class ProbationOnPromotion {

    private final ReleaseProbations probations;
    private final ModelRegistry registry;
    private final Set<String> servedAtStart = ConcurrentHashMap.newKeySet();

    ProbationOnPromotion(ReleaseProbations probations, ModelRegistry registry) {
        this.probations = probations;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rememberStartupTargets() {
        for (AliasTarget target : registry.aliases()) {
            servedAtStart.add(target.model() + ":" + target.version());
        }
    }

    @EventListener
    void promoted(ModelPromoted promoted) {
        String version = promoted.model() + ":" + promoted.version();
        if (!servedAtStart.contains(version)) {
            probations.begin(version);
        }
    }
}
