package org.attest.serving;

import org.jspecify.annotations.Nullable;

/**
 * What an operator needs to know about the model behind an alias.
 *
 * @param alias the alias, e.g. {@code summarizer}
 * @param version the version the alias points at
 * @param state its lifecycle state
 * @param failureReason why it failed to load (PHI-free, for operators), or null
 * @param device the execution provider it runs on ({@code cpu} or {@code cuda}), or null before loading
 */
public record ModelStatus(
        String alias,
        ModelVersion version,
        ModelState state,
        @Nullable String failureReason,
        @Nullable String device) {}
