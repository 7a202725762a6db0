package org.attest.serving.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One caller's items in a {@link MicroBatcher}'s queue; slices of it may run in different batches, on different
 * workers. The caller waits on {@link #done}, completed by whichever worker fills the last result.
 */
final class QueuedRequest<I, O> {

    final List<I> items;
    final CompletableFuture<List<O>> done = new CompletableFuture<>();
    final long enqueuedAt = System.nanoTime();
    private final @Nullable Object[] results;
    private final AtomicInteger remaining;

    /** The first item not yet taken into a batch; guarded by the batcher's lock. */
    int next;

    QueuedRequest(List<I> items) {
        this.items = items;
        this.results = new Object[items.size()];
        this.remaining = new AtomicInteger(items.size());
    }

    /** A run of a request's items inside one batch. */
    record Slice<I, O>(QueuedRequest<I, O> request, int from, int to) {}

    /** Stores results for items {@code from..} and completes the request when it has them all. */
    void complete(int from, List<O> outputs, int offset, int count) {
        for (int i = 0; i < count; i++) {
            results[from + i] = outputs.get(offset + i);
        }
        // the atomic decrement orders every worker's writes before the completing one's read
        if (remaining.addAndGet(-count) == 0) {
            done.complete(all());
        }
    }

    @SuppressWarnings("unchecked")
    private List<O> all() {
        return (List<O>) Arrays.asList(results);
    }
}
