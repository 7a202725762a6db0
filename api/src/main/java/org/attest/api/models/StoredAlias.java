package org.attest.api.models;

import org.attest.serving.AliasTarget;
import org.jspecify.annotations.Nullable;

/**
 * An alias as stored.
 *
 * @param target where it points
 * @param previous where it pointed before the last move (what a rollback returns to), or null
 * @param revision how many times it was written, 1 at first start
 */
record StoredAlias(AliasTarget target, @Nullable AliasTarget previous, long revision) {}
