/** PostgreSQL storage, canonical encoding and hashing of the audit chain; not for use outside the audit module. */
@NullMarked
package org.attest.audit.internal;

import org.jspecify.annotations.NullMarked;
