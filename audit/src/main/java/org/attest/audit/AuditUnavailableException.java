package org.attest.audit;

import org.springframework.transaction.TransactionException;

/**
 * The audit trail could not commit an event within its bound: the database is down, slow or overloaded, the
 * append queue is full, or the service is shutting down. Nothing that the event records may be released. The
 * message is fixed, PHI-free text.
 */
public class AuditUnavailableException extends TransactionException {

    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message) {
        super(message);
    }

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
