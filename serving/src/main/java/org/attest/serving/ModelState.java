package org.attest.serving;

/**
 * Lifecycle of a model version in the registry.
 *
 * <ul>
 *   <li>{@code PENDING}: found and not loaded yet, or verified and unloaded because no alias points at it; it loads
 *       when an alias is moved to it;
 *   <li>{@code READY}: loaded, warmed up, serving;
 *   <li>{@code FAILED}: refused (invalid manifest, a file that does not match its SHA-256, no valid model card) or
 *       could not load; an alias that points at it serves degraded predictions. Final until the service restarts.
 * </ul>
 */
public enum ModelState {
    PENDING,
    READY,
    FAILED
}
