/** Decision callbacks: a client registers a URL and is notified, HMAC-signed and retried, when a clinician decides. */
@NullMarked
package org.attest.api.callbacks;

import org.jspecify.annotations.NullMarked;
