package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
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
 * <p>With {@code maxQueueDelay} 0 (the default, as in Triton), a request that finds the queue empty and an instance
 * free runs in its own thread at once, sharing its items with a second idle instance; under load requests queue and
 * coalesce. Callers block until all their items
 * are done. {@link #close()} lets the workers finish what is queued.
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
    private final ArrayDeque<QueuedRequest<I, O>> queue = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Semaphore running;
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
        this.running = new Semaphore(settings.instances());
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

    @Override
    public List<O> infer(List<I> items) throws OrtException {
        if (items.isEmpty()) {
            return List.of();
        }
        if (maxQueueDelayNanos == 0 && items.size() <= maxBatchSize) {
            List<O> inline = runInline(items);
            if (inline != null) {
                return inline;
            }
        }
        List<O> results = await(enqueue(List.copyOf(items)));
        metrics.succeeded();
        return results;
    }

    private QueuedRequest<I, O> enqueue(List<I> items) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("model " + model + " is closed");
            }
            if (queued > 0 && queued + items.size() > capacity) {
                metrics.rejected();
                throw new InferenceRejectedException(model, retryAfter);
            }
            QueuedRequest<I, O> request = new QueuedRequest<>(items);
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

    /**
     * With no queue delay, nothing queued and a free instance, a request runs in its caller's thread: alone it could
     * not have shared a batch, and two thread hand-offs cost more than the batch on a busy CPU. When a second
     * instance is idle too, every other item goes to it through the queue, so that a lone request uses two cores.
     */
    private @Nullable List<O> runInline(List<I> items) throws OrtException {
        QueuedRequest<I, O> helped = null;
        lock.lock();
        try {
            if (closed || queued > 0 || !running.tryAcquire()) {
                return null;
            }
            if (items.size() > 1 && running.availablePermits() > 0) {
                helped = new QueuedRequest<>(AlternateHalves.second(items));
                queue.add(helped);
                queued += helped.items.size();
                arrived.signalAll();
            }
        } finally {
            lock.unlock();
        }
        List<I> mine = helped == null ? items : AlternateHalves.first(items);
        List<O> outputs;
        try {
            metrics.queued(0);
            long started = System.nanoTime();
            outputs = function.apply(mine);
            checkSize(mine, outputs);
            metrics.batch(mine.size(), System.nanoTime() - started);
        } finally {
            running.release();
        }
        if (helped != null) {
            outputs = AlternateHalves.rejoined(outputs, await(helped));
        }
        metrics.succeeded();
        return outputs;
    }

    private List<O> await(QueuedRequest<I, O> request) throws OrtException {
        try {
            return request.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for model " + model, e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private void work() {
        while (awaitItems()) {
            // an instance first, so that items arriving meanwhile join this batch
            running.acquireUninterruptibly();
            try {
                List<QueuedRequest.Slice<I, O>> batch = takeWhenDue();
                if (!batch.isEmpty()) {
                    run(batch);
                }
            } finally {
                running.release();
            }
        }
    }

    /** Blocks until something is queued; false once closed and drained. */
    private boolean awaitItems() {
        lock.lock();
        try {
            while (queued == 0) {
                if (closed) {
                    return false;
                }
                arrived.awaitUninterruptibly();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the queue's batch is full or its oldest item has waited the delay, then takes it. */
    private List<QueuedRequest.Slice<I, O>> takeWhenDue() {
        lock.lock();
        try {
            if (queued == 0) {
                return List.of();
            }
            long due = queue.getFirst().enqueuedAt + maxQueueDelayNanos;
            long wait;
            while (queued > 0 && queued < maxBatchSize && !closed && (wait = due - System.nanoTime()) > 0) {
                awaitNanos(wait);
            }
            return queued > 0 ? take() : List.of();
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

    private List<QueuedRequest.Slice<I, O>> take() {
        List<QueuedRequest.Slice<I, O>> batch = new ArrayList<>();
        int room = maxBatchSize;
        while (room > 0 && !queue.isEmpty()) {
            QueuedRequest<I, O> head = queue.getFirst();
            int to = Math.min(head.items.size(), head.next + room);
            batch.add(new QueuedRequest.Slice<>(head, head.next, to));
            room -= to - head.next;
            queued -= to - head.next;
            head.next = to;
            if (to == head.items.size()) {
                queue.removeFirst();
            }
        }
        return batch;
    }

    private void run(List<QueuedRequest.Slice<I, O>> batch) {
        long started = System.nanoTime();
        List<I> inputs = new ArrayList<>();
        for (QueuedRequest.Slice<I, O> slice : batch) {
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
        for (QueuedRequest.Slice<I, O> slice : batch) {
            int count = slice.to() - slice.from();
            slice.request().complete(slice.from(), outputs, offset, count);
            offset += count;
        }
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
