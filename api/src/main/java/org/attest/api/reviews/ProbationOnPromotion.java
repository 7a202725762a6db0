package org.attest.api.reviews;

import org.attest.review.ReleaseProbations;
import org.attest.serving.ModelPromoted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts a version on probation when an alias is moved to it (promotion or rollback, after the audited move has
 * committed): its predictions all go to review until clinicians agree with it often enough. The version an alias
 * points at from the first start is never moved to, so it is never on probation.
 */
@Component
class ProbationOnPromotion {

    private final ReleaseProbations probations;

    ProbationOnPromotion(ReleaseProbations probations) {
        this.probations = probations;
    }

    @EventListener
    void promoted(ModelPromoted promoted) {
        probations.begin(promoted.model() + ":" + promoted.version());
    }
}
