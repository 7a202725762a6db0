package org.attest.serving.internal;

/**
 * The operator asked for {@code device=cuda} and this machine cannot give it. Unlike a model that fails to load, this
 * stops the application: a deployment that expects a GPU must not run silently on CPU.
 */
final class CudaUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    CudaUnavailableException(String reason, Throwable cause) {
        super("attest.serving.device=cuda but the CUDA execution provider cannot be used: " + reason, cause);
    }
}
