package org.attest.serving;

import java.time.Duration;

/**
 * A model's request queue is full, so the request was refused before any work was done on it. Nothing was computed
 * and nothing was released: the caller may retry after {@link #retryAfter()}. The HTTP edge answers 503 with
 * {@code Retry-After}.
 *
 * <p>The message names the model only, never the input.
 */
public final class InferenceRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String model;
    private final Duration retryAfter;

    /**
     * @param model {@code name:version} of the model whose queue is full
     * @param retryAfter how long the caller should wait before retrying
     */
    public InferenceRejectedException(String model, Duration retryAfter) {
        super("the request queue of model " + model + " is full");
        this.model = model;
        this.retryAfter = retryAfter;
    }

    /** {@code name:version} of the model whose queue is full. */
    public String model() {
        return model;
    }

    /** How long the caller should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
