package org.attest.serving.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Per-model inference meters, after Triton's {@code nv_inference_*} set. Tags are the model's name and version only,
 * never anything derived from a request.
 *
 * <ul>
 *   <li>{@code attest.serving.inference.queue} (timer): time a request's items waited before their batch started
 *       ({@code nv_inference_queue_duration_us})
 *   <li>{@code attest.serving.inference.compute} (timer): one model call on one batch
 *       ({@code nv_inference_compute_infer_duration_us}); its count is the number of executions
 *       ({@code nv_inference_exec_count})
 *   <li>{@code attest.serving.inference.batch.size} (histogram): items per model call; its total is
 *       {@code nv_inference_count}
 *   <li>{@code attest.serving.inference.requests} (counter): requests answered ({@code nv_inference_request_success})
 *   <li>{@code attest.serving.inference.rejected} (counter): requests refused because the queue was full
 *       ({@code nv_inference_request_failure{reason="REJECTED"}})
 *   <li>{@code attest.serving.inference.pending} (gauge): items queued now ({@code nv_inference_pending_request_count})
 * </ul>
 */
final class InferenceMetrics implements AutoCloseable {

    static final String PREFIX = "attest.serving.inference.";
    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256};

    private final MeterRegistry registry;
    private final Timer queue;
    private final Timer compute;
    private final DistributionSummary batchSize;
    private final Counter requests;
    private final Counter rejected;
    private final List<Meter> meters;

    InferenceMetrics(MeterRegistry registry, String model, String version, IntSupplier pending) {
        this.registry = registry;
        Tags tags = Tags.of("model", model, "version", version);
        this.queue = Timer.builder(PREFIX + "queue")
                .description("time items waited in the model's queue before their batch started")
                .tags(tags)
                .register(registry);
        this.compute = Timer.builder(PREFIX + "compute")
                .description("duration of one model call on one batch")
                .tags(tags)
                .register(registry);
        this.batchSize = DistributionSummary.builder(PREFIX + "batch.size")
                .description("items per model call")
                .serviceLevelObjectives(BATCH_BUCKETS)
                .tags(tags)
                .register(registry);
        this.requests = Counter.builder(PREFIX + "requests")
                .description("requests answered")
                .tags(tags)
                .register(registry);
        this.rejected = Counter.builder(PREFIX + "rejected")
                .description("requests refused because the model's queue was full")
                .tags(tags)
                .register(registry);
        Gauge gauge = Gauge.builder(PREFIX + "pending", pending, p -> p.getAsInt())
                .description("items waiting in the model's queue")
                .tags(tags)
                .register(registry);
        this.meters = List.of(queue, compute, batchSize, requests, rejected, gauge);
    }

    void queued(long nanos) {
        queue.record(nanos, TimeUnit.NANOSECONDS);
    }

    void batch(int items, long computeNanos) {
        batchSize.record(items);
        compute.record(Duration.ofNanos(computeNanos));
    }

    void succeeded() {
        requests.increment();
    }

    void rejected() {
        rejected.increment();
    }

    /** Removes the meters: an unloaded version reports nothing. */
    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
