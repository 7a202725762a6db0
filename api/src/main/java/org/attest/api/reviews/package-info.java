/** {@code /v1/reviews}: the clinician's queue over HTTP — list, read, claim, decide, statistics. */
@NullMarked
package org.attest.api.reviews;

import org.jspecify.annotations.NullMarked;
