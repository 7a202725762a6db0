package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.attest.serving.InferenceRejectedException;
import org.junit.jupiter.api.Test;

/**
 * The batcher's queueing, against a model call that records its batches and can be held: coalescing, order,
 * rejection when full, and its meters. The encoder behind it is tested with the real model in
 * {@link BatchedSentenceEncoderTest}.
 */
class MicroBatcherTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** Doubles each item; the first call waits for {@link #release}, so that others queue up behind it. */
    private List<Integer> doubleHoldingTheFirst(List<Integer> batch) {
        batchSizes.add(batch.size());
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return batch.stream().map(i -> i * 2).toList();
    }

    private MicroBatcher<Integer, Integer> batcher(int maxBatchSize, Duration delay, int capacity) {
        BatchingProperties settings =
                new BatchingProperties(true, maxBatchSize, delay, capacity, 1, Duration.ofSeconds(2));
        return new MicroBatcher<>(
                this::doubleHoldingTheFirst,
                "m:1",
                settings,
                pending -> new InferenceMetrics(registry, "m", "1", pending));
    }

    @Test
    void concurrentCallersQueuedBehindABusyModelShareOneBatch() throws Exception {
        try (MicroBatcher<Integer, Integer> batcher = batcher(8, Duration.ZERO, 100);
                ExecutorService callers = Executors.newFixedThreadPool(8)) {
            Future<List<Integer>> first = callers.submit(() -> batcher.infer(List.of(100)));
            entered.await();
            List<Future<List<Integer>>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                int item = i;
                others.add(callers.submit(() -> batcher.infer(List.of(item))));
            }
            awaitPending(batcher, 7);
            release.countDown();

            assertThat(first.get()).containsExactly(200);
            for (int i = 0; i < 7; i++) {
                assertThat(others.get(i).get()).containsExactly(i * 2);
            }
            assertThat(batchSizes).containsExactly(1, 7);
            assertThat(registry.get("attest.serving.inference.batch.size")
                            .summary()
                            .count())
                    .isEqualTo(2);
            assertThat(registry.get("attest.serving.inference.requests")
                            .counter()
                            .count())
                    .isEqualTo(8);
            assertThat(registry.get("attest.serving.inference.queue")
                            .tag("version", "1")
                            .timer()
                            .count())
                    .isEqualTo(8);
        }
    }

    @Test
    void withNoQueueDelayALoneRequestRunsInItsCallersThreadAndWithADelayOnAWorker() throws Exception {
        release.countDown();
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        BatchFunction<Integer, Integer> recordThread = batch -> {
            threads.add(Thread.currentThread().getName());
            return batch;
        };
        for (Duration delay : List.of(Duration.ZERO, Duration.ofMillis(1))) {
            BatchingProperties settings = new BatchingProperties(true, 4, delay, 100, 1, Duration.ofSeconds(1));
            try (MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>(
                    recordThread, "m:1", settings, pending -> new InferenceMetrics(registry, "m", "1", pending))) {
                assertThat(batcher.infer(List.of(1, 2))).containsExactly(1, 2);
            }
        }
        assertThat(threads.get(0)).isEqualTo(Thread.currentThread().getName());
        assertThat(threads.get(1)).startsWith("attest-batcher-m:1-");
    }

    @Test
    void aBatchIsDispatchedWhenFullWithoutWaitingForTheDelay() throws Exception {
        release.countDown();
        try (MicroBatcher<Integer, Integer> batcher = batcher(4, Duration.ofHours(1), 100);
                ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<List<Integer>> a = callers.submit(() -> batcher.infer(List.of(1, 2)));
            Future<List<Integer>> b = callers.submit(() -> batcher.infer(List.of(3, 4)));

            assertThat(a.get()).containsExactly(2, 4);
            assertThat(b.get()).containsExactly(6, 8);
        }
        assertThat(batchSizes).containsExactly(4);
    }

    @Test
    void aLargeRequestIsSplitIntoBatchesAndKeepsItsOrder() throws Exception {
        release.countDown();
        List<Integer> items = IntStream.range(0, 10).boxed().toList();
        try (MicroBatcher<Integer, Integer> batcher = batcher(4, Duration.ZERO, 100)) {
            assertThat(batcher.infer(items))
                    .containsExactlyElementsOf(items.stream().map(i -> i * 2).toList());
        }
        assertThat(batchSizes).containsExactly(4, 4, 2);
    }

    @Test
    void aRequestThatDoesNotFitTheQueueIsRejectedAndCounted() throws Exception {
        try (MicroBatcher<Integer, Integer> batcher = batcher(1, Duration.ZERO, 2);
                ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<List<Integer>> running = callers.submit(() -> batcher.infer(List.of(1)));
            entered.await();
            Future<List<Integer>> waiting = callers.submit(() -> batcher.infer(List.of(2)));
            awaitPending(batcher, 1);

            assertThatThrownBy(() -> batcher.infer(List.of(3, 4)))
                    .isInstanceOfSatisfying(InferenceRejectedException.class, e -> {
                        assertThat(e.model()).isEqualTo("m:1");
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                    });
            assertThat(registry.get("attest.serving.inference.rejected")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("attest.serving.inference.pending").gauge().value())
                    .isEqualTo(1);

            release.countDown();
            assertThat(running.get()).containsExactly(2);
            assertThat(waiting.get()).containsExactly(4);
            assertThat(batcher.infer(List.of(3, 4))).containsExactly(6, 8);
        }
    }

    @Test
    void aRequestLargerThanTheWholeQueueRunsWhenTheQueueIsEmpty() throws Exception {
        release.countDown();
        try (MicroBatcher<Integer, Integer> batcher = batcher(2, Duration.ZERO, 2)) {
            assertThat(batcher.infer(List.of(1, 2, 3))).containsExactly(2, 4, 6);
        }
    }

    @Test
    void aFailingModelCallFailsItsCallersAndNotTheWorker() throws Exception {
        BatchingProperties settings = new BatchingProperties(true, 4, Duration.ZERO, 100, 1, Duration.ofSeconds(1));
        List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
        BatchFunction<Integer, Integer> failOnNegative = batch -> {
            calls.add(batch.size());
            if (batch.contains(-1)) {
                throw new IllegalArgumentException("negative");
            }
            return batch;
        };
        try (MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>(
                failOnNegative, "m:1", settings, pending -> new InferenceMetrics(registry, "m", "1", pending))) {
            assertThatThrownBy(() -> batcher.infer(List.of(-1))).isInstanceOf(IllegalArgumentException.class);
            assertThat(batcher.infer(List.of(5))).containsExactly(5);
        }
    }

    @Test
    void aLoneRequestSharesItsItemsWithASecondIdleInstanceAndGetsThemBackInOrder() throws Exception {
        BatchingProperties settings = new BatchingProperties(true, 32, Duration.ZERO, 100, 2, Duration.ofSeconds(1));
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        BatchFunction<Integer, Integer> negate = batch -> {
            batchSizes.add(batch.size());
            threads.add(Thread.currentThread().getName());
            return batch.stream().map(i -> -i).toList();
        };
        List<Integer> items = IntStream.range(0, 9).boxed().toList();
        try (MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>(
                negate, "m:1", settings, pending -> new InferenceMetrics(registry, "m", "1", pending))) {
            assertThat(batcher.infer(items))
                    .containsExactlyElementsOf(items.stream().map(i -> -i).toList());
            assertThat(batchSizes).containsExactlyInAnyOrder(5, 4);
            assertThat(threads)
                    .contains(Thread.currentThread().getName())
                    .anyMatch(t -> t.startsWith("attest-batcher"));
            // one item alone runs where it is
            batchSizes.clear();
            assertThat(batcher.infer(List.of(7))).containsExactly(-7);
            assertThat(batchSizes).containsExactly(1);
        }
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void closingRemovesTheMetersAndRefusesNewRequests() {
        release.countDown();
        MicroBatcher<Integer, Integer> batcher = batcher(2, Duration.ZERO, 2);
        batcher.close();

        assertThat(registry.getMeters()).isEmpty();
        assertThatThrownBy(() -> batcher.infer(List.of(1))).isInstanceOf(IllegalStateException.class);
    }

    /** Waits, without a time bound, until the queue holds {@code items}. */
    private static void awaitPending(MicroBatcher<?, ?> batcher, int items) throws InterruptedException {
        while (batcher.pending() < items) {
            Thread.sleep(1);
        }
    }
}
