/** The Attest application: composes serving, redaction, review and audit behind the HTTP API. */
@NullMarked
package org.attest.api;

import org.jspecify.annotations.NullMarked;
