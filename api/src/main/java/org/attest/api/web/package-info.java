/** The HTTP edge's cross-cutting parts: request ids, body size cap, RFC 9457 problem details. */
@NullMarked
package org.attest.api.web;

import org.jspecify.annotations.NullMarked;
