package org.attest.api.web;

/**
 * A copy of an exception with its class names and stack frames but without any message: messages of parser,
 * driver and library exceptions can quote the input, and the input may be PHI.
 */
final class PhiSafeThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private PhiSafeThrowable(Throwable original) {
        super(original.getClass().getName(), null, false, true);
        setStackTrace(original.getStackTrace());
    }

    static PhiSafeThrowable of(Throwable original) {
        PhiSafeThrowable copy = new PhiSafeThrowable(original);
        Throwable cause = original.getCause();
        PhiSafeThrowable tail = copy;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            PhiSafeThrowable next = new PhiSafeThrowable(cause);
            tail.initCause(next);
            tail = next;
        }
        return copy;
    }
}
