package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded model with a count of the requests using it. Once retired it lends itself to no new request and closes its
 * sessions when the last request in flight gives it back, so an alias can move while requests still run.
 */
final class LoadedInstance {

    private static final Logger log = LoggerFactory.getLogger(LoadedInstance.class);

    private final LoadedModel model;
    private final String id;
    private int leases;
    private boolean retired;
    private boolean closed;

    LoadedInstance(LoadedModel model, String id) {
        this.model = model;
        this.id = id;
    }

    /** The model for one request, or null when it is retired; give it back with {@link #release()}. */
    synchronized @Nullable LoadedModel acquire() {
        if (retired) {
            return null;
        }
        leases++;
        return model;
    }

    synchronized void release() {
        if (leases <= 0) {
            throw new IllegalStateException("released more often than acquired");
        }
        leases--;
        closeIfIdle();
    }

    /** No new requests; closes now if none is in flight, else when the last one is released. */
    synchronized void retire() {
        retired = true;
        closeIfIdle();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized int leases() {
        return leases;
    }

    String device() {
        return model.device();
    }

    private void closeIfIdle() {
        if (!retired || leases > 0 || closed) {
            return;
        }
        closed = true;
        try {
            model.close();
            log.info("{} unloaded: its sessions are closed", id);
        } catch (OrtException | RuntimeException e) {
            log.warn("{} did not close cleanly: {}", id, e.getClass().getName());
        }
    }
}
