package org.attest.serving.internal;

/** A model could not be loaded. The message is PHI-free and meant for operators: it becomes the failure reason. */
final class ModelLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    ModelLoadException(String reason) {
        super(reason);
    }

    ModelLoadException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
