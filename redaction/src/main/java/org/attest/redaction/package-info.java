/** Redaction API: find PHI in a text and replace it, under a versioned redaction policy. */
@NullMarked
package org.attest.redaction;

import org.jspecify.annotations.NullMarked;
