/** Recognizers, merging and operators behind the redaction policy; not for use outside the redaction module. */
@NullMarked
package org.attest.redaction.internal;

import org.jspecify.annotations.NullMarked;
