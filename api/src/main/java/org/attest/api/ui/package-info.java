/** The browser pages: the clinician's review queue, server-rendered, signed in by OpenID Connect. */
@NullMarked
package org.attest.api.ui;

import org.jspecify.annotations.NullMarked;
