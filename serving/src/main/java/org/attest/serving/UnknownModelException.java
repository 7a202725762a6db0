package org.attest.serving;

/** No model, version or alias of that name is in the registry. The message names only what was asked for. */
public class UnknownModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownModelException(String what) {
        super("not in the registry: " + what);
    }
}
