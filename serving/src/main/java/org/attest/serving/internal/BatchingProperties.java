package org.attest.serving.internal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Micro-batching of model calls ({@code attest.serving.batching}), with the knobs of Triton's
 * {@code dynamic_batching}: a batch is dispatched when it holds {@code max-batch-size} items or when its oldest item
 * has waited {@code max-queue-delay}, whichever comes first.
 *
 * @param enabled false runs every request alone in its caller's thread, in chunks of {@code max-batch-size}
 * @param maxBatchSize the most items (sentences, windows) one model call takes
 * @param maxQueueDelay how long the oldest queued item may wait for others to join its batch; 0 (the default, as in
 *     Triton) dispatches whatever is queued as soon as an instance is free, and runs a request that finds the queue
 *     empty in its caller's thread
 * @param queueCapacity the most items waiting per model; a request that does not fit is rejected (a request larger
 *     than the whole queue is accepted only when the queue is empty)
 * @param instances worker threads per model, each running one batch at a time (Triton's {@code instance_group}
 *     count); 0 (the default) runs one per available processor
 * @param retryAfter what a rejected caller is told to wait
 */
@Validated
@ConfigurationProperties("attest.serving.batching")
record BatchingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("32") @Min(1) int maxBatchSize,
        @DefaultValue("0ms") @NotNull Duration maxQueueDelay,
        @DefaultValue("1024") @Min(1) int queueCapacity,
        @DefaultValue("0") @Min(0) int instances,
        @DefaultValue("1s") @NotNull Duration retryAfter) {

    BatchingProperties {
        if (instances == 0) {
            instances = Runtime.getRuntime().availableProcessors();
        }
    }

    /** The defaults, for use outside a Spring context. */
    static BatchingProperties defaults() {
        return new BatchingProperties(true, 32, Duration.ZERO, 1024, 0, Duration.ofSeconds(1));
    }

    /** The defaults with batching off. */
    static BatchingProperties off() {
        return defaults().withEnabled(false);
    }

    BatchingProperties withEnabled(boolean on) {
        return new BatchingProperties(on, maxBatchSize, maxQueueDelay, queueCapacity, instances, retryAfter);
    }

    @AssertTrue(message = "max-queue-delay must not be negative")
    boolean isDelayValid() {
        return !maxQueueDelay.isNegative();
    }
}
