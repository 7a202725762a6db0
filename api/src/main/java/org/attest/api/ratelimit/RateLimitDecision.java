package org.attest.api.ratelimit;

/**
 * The outcome of one request against its client's bucket.
 *
 * @param allowed whether the request may proceed
 * @param remaining tokens left after it
 * @param retryAfterSeconds when refused, seconds until a token is available (at least 1)
 * @param resetSeconds seconds until the bucket is full again
 * @param backend {@code redis} (shared by replicas) or {@code local} (this instance only)
 */
record RateLimitDecision(boolean allowed, long remaining, long retryAfterSeconds, long resetSeconds, String backend) {}
