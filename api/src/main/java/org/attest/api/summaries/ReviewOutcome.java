package org.attest.api.summaries;

import java.time.Instant;

/**
 * A clinician's decision on a held summary, as its consumer sees it.
 *
 * @param outcome APPROVED, EDITED or REJECTED
 * @param decidedBy an opaque id of the clinician (a keyed HMAC of issuer and subject), stable per clinician
 * @param decidedAt when
 */
record ReviewOutcome(String outcome, String decidedBy, Instant decidedAt) {}
