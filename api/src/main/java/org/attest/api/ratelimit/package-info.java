/** Per-client rate limiting: token buckets in Redis shared by replicas, falling back to in-process buckets when Redis is unavailable. */
@NullMarked
package org.attest.api.ratelimit;

import org.jspecify.annotations.NullMarked;
