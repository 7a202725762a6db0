package org.attest.serving;

/** An alias cannot be moved to a version: it is FAILED, or a rollback has no earlier target to go back to. */
public class ModelNotServableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelNotServableException(String reason) {
        super(reason);
    }
}
