package org.attest.audit;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which events to read; every part is optional and the parts combine with AND.
 *
 * @param from earliest event time, inclusive
 * @param to latest event time, exclusive; after {@code from}
 * @param types event types (any of them); empty for all
 * @param actorIssuer the actor's token issuer
 * @param actorSubject the actor's token subject
 * @param clientId the OAuth2 client
 * @param modelName the model's name
 * @param modelVersion the model's version
 * @param decision the decision recorded
 * @param requestId the request
 */
public record AuditQuery(
        @Nullable Instant from,
        @Nullable Instant to,
        Set<AuditEventType> types,
        @Nullable String actorIssuer,
        @Nullable String actorSubject,
        @Nullable String clientId,
        @Nullable String modelName,
        @Nullable String modelVersion,
        @Nullable String decision,
        @Nullable String requestId) {

    /** Every event. */
    public static final AuditQuery ALL = new AuditQuery(null, null, Set.of(), null, null, null, null, null, null, null);

    public AuditQuery {
        types = Set.copyOf(types);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
