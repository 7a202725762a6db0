package org.attest.audit.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.attest.audit.AuditRecord;
import org.attest.audit.AuditUnavailableException;
import org.attest.audit.AuditedWrite;

/**
 * One caller's write on its way through the group committer, as a small state machine: QUEUED until a committer
 * claims it (then TAKEN, and its outcome follows the group's commit) or until the caller gives up (then CANCELLED,
 * and it is never written). The two transitions race on one compare-and-set, so a cancelled write is never
 * committed.
 */
final class PendingWrite {

    enum State {
        QUEUED,
        TAKEN,
        CANCELLED
    }

    private final AuditedWrite write;
    private final long deadlineNanos;
    private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
    private final CompletableFuture<AuditRecord> outcome = new CompletableFuture<>();

    PendingWrite(AuditedWrite write, long deadlineNanos) {
        this.write = write;
        this.deadlineNanos = deadlineNanos;
    }

    AuditedWrite write() {
        return write;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** QUEUED → TAKEN: a committer will write it. False when the caller gave up first. */
    boolean take() {
        return state.compareAndSet(State.QUEUED, State.TAKEN);
    }

    /** QUEUED → CANCELLED: it will never be written. False when a committer took it first. */
    boolean cancel() {
        return state.compareAndSet(State.QUEUED, State.CANCELLED);
    }

    void committed(AuditRecord record) {
        outcome.complete(record);
    }

    void failed(RuntimeException failure) {
        outcome.completeExceptionally(failure);
    }

    /**
     * Waits for the outcome until the deadline; a write still queued then is cancelled, a write already in a group
     * gets {@code inFlightGrace} more, since the committer bounds its own database calls by the same deadline.
     */
    AuditRecord await(long inFlightGraceNanos) {
        try {
            return outcome.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            if (cancel()) {
                throw new AuditUnavailableException("the audit event was not committed in time; nothing was written");
            }
            return awaitInFlight(inFlightGraceNanos);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new AuditUnavailableException("interrupted while waiting for the audit commit");
        }
    }

    private AuditRecord awaitInFlight(long graceNanos) {
        try {
            return outcome.get(graceNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException inDoubt) {
            throw new AuditUnavailableException("the audit commit did not answer in time; its outcome is unknown");
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while waiting for the audit commit");
        }
    }

    private static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new AuditUnavailableException("the audit commit failed", cause);
    }
}
