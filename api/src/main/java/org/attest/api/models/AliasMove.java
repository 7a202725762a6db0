package org.attest.api.models;

import org.attest.serving.AliasTarget;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a promote or rollback.
 *
 * @param target where the alias points now
 * @param from where it pointed before, or null
 * @param action what moved it
 * @param changed false when it already pointed there (nothing was stored or audited)
 * @param auditSequence the audit event's sequence number, or null when nothing changed
 */
record AliasMove(
        AliasTarget target,
        @Nullable AliasTarget from,
        ModelAliases.Action action,
        boolean changed,
        @Nullable Long auditSequence) {}
