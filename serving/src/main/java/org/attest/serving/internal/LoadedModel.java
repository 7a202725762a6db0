package org.attest.serving.internal;

import ai.onnxruntime.OrtException;

/** A model version in memory, as one kind's loader built it: its sessions stay open until {@link #close()}. */
interface LoadedModel extends AutoCloseable {

    /** {@code cpu} or {@code cuda}. */
    String device();

    /** Runs one fixed, PHI-free input through the model so that the first request does not pay for lazy setup. */
    void warmUp() throws OrtException;

    @Override
    void close() throws OrtException;
}
