package org.attest.review;

import org.attest.audit.Actor;

/**
 * The clinician acting on an item, and the request they act through, for the audit trail.
 *
 * @param actor the token's issuer and subject
 * @param clientId the OAuth2 client (the API client or the browser login's client)
 * @param requestId the HTTP request's id
 */
public record Reviewer(Actor actor, String clientId, String requestId) {}
