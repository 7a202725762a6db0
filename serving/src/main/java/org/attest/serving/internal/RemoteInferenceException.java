package org.attest.serving.internal;

/**
 * A remote model server failed, timed out, or answered something that does not fit the model's contract. The message
 * names the server's model and the HTTP status or cause class only: never request data, never the server's error
 * text (which may quote the request).
 */
final class RemoteInferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RemoteInferenceException(String message) {
        super(message);
    }

    RemoteInferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
