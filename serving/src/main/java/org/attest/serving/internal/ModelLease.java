package org.attest.serving.internal;

import org.attest.serving.ModelState;
import org.attest.serving.ModelStatus;
import org.attest.serving.ModelVersion;
import org.jspecify.annotations.Nullable;

/**
 * What one request is served with: the alias target's version and state, and its loaded model if it is READY. Close
 * it when the request is done, so that a version an alias moved away from can close its sessions.
 *
 * @param status the alias, its target version and that version's state when the request started
 * @param model the loaded model, or null when the target is not READY (the request is then degraded)
 * @param instance the instance the model was lent from, or null
 */
record ModelLease(
        ModelStatus status,
        @Nullable LoadedModel model,
        @Nullable LoadedInstance instance) implements AutoCloseable {

    static ModelLease degraded(ModelStatus status) {
        return new ModelLease(status, null, null);
    }

    ModelVersion version() {
        return status.version();
    }

    boolean ready() {
        return model != null && status.state() == ModelState.READY;
    }

    @Override
    public void close() {
        if (instance != null) {
            instance.release();
        }
    }
}
