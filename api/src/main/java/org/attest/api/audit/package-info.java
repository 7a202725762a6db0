/**
 * The compliance API {@code /v1/audit/...}: filtered, paged and streamed (CSV) exports of the audit trail, chain
 * verification, reports, input lookups and checkpoints — each one itself audited — and the ACCESS_DENIED event of
 * every refused call.
 */
@NullMarked
package org.attest.api.audit;

import org.jspecify.annotations.NullMarked;
