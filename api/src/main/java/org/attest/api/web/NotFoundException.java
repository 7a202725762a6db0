package org.attest.api.web;

/** A resource that does not exist or that the caller may not see; both answer 404 so ids cannot be probed. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException() {
        super("not found", null, false, false);
    }
}
