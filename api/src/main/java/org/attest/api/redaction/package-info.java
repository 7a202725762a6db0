/** HTTP edge of PHI redaction. */
@NullMarked
package org.attest.api.redaction;

import org.jspecify.annotations.NullMarked;
