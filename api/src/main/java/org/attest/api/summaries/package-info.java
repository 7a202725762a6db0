/** The summarize use case: redact, infer, decide release, and store summary, review item and audit event in one transaction. */
@NullMarked
package org.attest.api.summaries;

import org.jspecify.annotations.NullMarked;
