package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.attest.serving.InferenceRejectedException;
import org.jspecify.annotations.Nullable;

/**
 * Coalesces the items of concurrent requests to one model into batches, as Triton's dynamic batcher does: a worker
 * takes the queue's items in arrival order once {@code maxBatchSize} are waiting or the oldest has waited
 * {@code maxQueueDelay}, and runs them as one model call; a request's items may span batches. The queue is bounded in
 * items; a request that does not fit is refused at once with {@link InferenceRejectedException}.
 *
 * <p>Callers block until all their items are done. {@link #close()} lets the workers finish what is queued.
 */
final class MicroBatcher<I, O> implements BatchedInference<I, O> {

    private final BatchFunction<I, O> function;
    private final String model;
    private final int maxBatchSize;
    private final long maxQueueDelayNanos;
    private final int capacity;
    private final Duration retryAfter;
    private final InferenceMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Request<I, O>> queue = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private int queued;
    private boolean closed;

    MicroBatcher(
            BatchFunction<I, O> function, String model, BatchingProperties settings, MetricsFactory metricsFactory) {
        this.function = function;
        this.model = model;
        this.maxBatchSize = settings.maxBatchSize();
        this.maxQueueDelayNanos = settings.maxQueueDelay().toNanos();
        this.capacity = settings.queueCapacity();
        this.retryAfter = settings.retryAfter();
        this.metrics = metricsFactory.create(this::pending);
        for (int i = 0; i < settings.instances(); i++) {
            Thread worker = Thread.ofPlatform()
                    .daemon()
                    .name("attest-batcher-" + model + "-" + i)
                    .unstarted(this::work);
            workers.add(worker);
            worker.start();
        }
    }

    /** Makes the metrics once the batcher can report its queue length. */
    @FunctionalInterface
    interface MetricsFactory {
        InferenceMetrics create(java.util.function.IntSupplier pending);
    }

    /** One caller's items; slices of it may run in different batches, on different workers. */
    private static final class Request<I, O> {
        final List<I> items;
        final @Nullable Object[] results;
        final AtomicInteger remaining;
        final CompletableFuture<List<O>> done = new CompletableFuture<>();
        final long enqueuedAt = System.nanoTime();
        int next;

        Request(List<I> items) {
            this.items = items;
            this.results = new Object[items.size()];
            this.remaining = new AtomicInteger(items.size());
        }
    }

    private record Slice<I, O>(Request<I, O> request, int from, int to) {}

    @Override
    public List<O> infer(List<I> items) throws OrtException {
        if (items.isEmpty()) {
            return List.of();
        }
        Request<I, O> request = enqueue(List.copyOf(items));
        try {
            List<O> results = request.done.get();
            metrics.succeeded();
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for model " + model, e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private Request<I, O> enqueue(List<I> items) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("model " + model + " is closed");
            }
            if (queued > 0 && queued + items.size() > capacity) {
                metrics.rejected();
                throw new InferenceRejectedException(model, retryAfter);
            }
            Request<I, O> request = new Request<>(items);
            queue.add(request);
            queued += items.size();
            arrived.signalAll();
            return request;
        } finally {
            lock.unlock();
        }
    }

    /** Items waiting now. */
    int pending() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        List<Slice<I, O>> batch;
        while ((batch = nextBatch()) != null) {
            run(batch);
        }
    }

    /** Blocks until a batch is due; null once closed and drained. */
    private @Nullable List<Slice<I, O>> nextBatch() {
        lock.lock();
        try {
            while (true) {
                while (queued == 0) {
                    if (closed) {
                        return null;
                    }
                    arrived.awaitUninterruptibly();
                }
                long due = queue.getFirst().enqueuedAt + maxQueueDelayNanos;
                long wait;
                while (queued > 0 && queued < maxBatchSize && !closed && (wait = due - System.nanoTime()) > 0) {
                    awaitNanos(wait);
                }
                if (queued > 0) {
                    return take();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void awaitNanos(long nanos) {
        try {
            arrived.awaitNanos(nanos);
        } catch (InterruptedException e) {
            // Workers stop through close(), not interrupts; keep the flag for whoever looks.
            Thread.currentThread().interrupt();
        }
    }

    private List<Slice<I, O>> take() {
        List<Slice<I, O>> batch = new ArrayList<>();
        int room = maxBatchSize;
        while (room > 0 && !queue.isEmpty()) {
            Request<I, O> head = queue.getFirst();
            int to = Math.min(head.items.size(), head.next + room);
            batch.add(new Slice<>(head, head.next, to));
            room -= to - head.next;
            queued -= to - head.next;
            head.next = to;
            if (to == head.items.size()) {
                queue.removeFirst();
            }
        }
        return batch;
    }

    private void run(List<Slice<I, O>> batch) {
        long started = System.nanoTime();
        List<I> inputs = new ArrayList<>();
        for (Slice<I, O> slice : batch) {
            inputs.addAll(slice.request().items.subList(slice.from(), slice.to()));
            metrics.queued(started - slice.request().enqueuedAt);
        }
        List<O> outputs;
        try {
            outputs = function.apply(inputs);
            checkSize(inputs, outputs);
        } catch (OrtException | RuntimeException e) {
            batch.forEach(slice -> slice.request().done.completeExceptionally(e));
            return;
        }
        metrics.batch(inputs.size(), System.nanoTime() - started);
        int offset = 0;
        for (Slice<I, O> slice : batch) {
            Request<I, O> request = slice.request();
            for (int i = slice.from(); i < slice.to(); i++) {
                request.results[i] = outputs.get(offset++);
            }
            if (request.remaining.addAndGet(slice.from() - slice.to()) == 0) {
                request.done.complete(results(request));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<O> results(Request<I, O> request) {
        return (List<O>) Arrays.asList(request.results);
    }

    static void checkSize(List<?> inputs, List<?> outputs) {
        if (inputs.size() != outputs.size()) {
            throw new IllegalStateException(
                    "a model call returned " + outputs.size() + " results for " + inputs.size() + " items");
        }
    }

    private static OrtException rethrow(Throwable cause) {
        if (cause instanceof OrtException ort) {
            return ort;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException("model call failed", cause);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        metrics.close();
    }
}
