package org.attest.serving;

/** Lifecycle of a model version: loading, serving, or failed to load (predictions then come from a degraded fallback). */
public enum ModelState {
    PENDING,
    READY,
    FAILED
}
