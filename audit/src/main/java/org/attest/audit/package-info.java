/**
 * Audit API: commit decisions with their events to the hash-chained trail (group commit) or append inside the
 * caller's transaction, keyed input fingerprints, signed checkpoints, chain verification, reports and exports.
 */
@NullMarked
package org.attest.audit;

import org.jspecify.annotations.NullMarked;
