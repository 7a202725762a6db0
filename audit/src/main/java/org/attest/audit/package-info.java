/** Audit API: append events to the hash-chained trail inside the caller's transaction, keyed input fingerprints, chain verification. */
@NullMarked
package org.attest.audit;

import org.jspecify.annotations.NullMarked;
