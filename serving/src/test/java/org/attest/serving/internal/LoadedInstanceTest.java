package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Leases on a loaded model: it closes exactly once, after the last request in flight, and never while lent. */
class LoadedInstanceTest {

    /** Counts closes and fails any use after one. */
    static final class CountingModel implements LoadedModel {
        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger usedAfterClose = new AtomicInteger();

        void use() {
            if (closes.get() > 0) {
                usedAfterClose.incrementAndGet();
            }
        }

        @Override
        public String device() {
            return "cpu";
        }

        @Override
        public void warmUp() {}

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void closesWhenTheLastLeaseIsReturnedAfterRetirement() {
        CountingModel model = new CountingModel();
        LoadedInstance instance = new LoadedInstance(model, "m:1");
        assertThat(instance.acquire()).isSameAs(model);
        assertThat(instance.acquire()).isSameAs(model);

        instance.retire();
        assertThat(instance.acquire()).as("retired: lends to no new request").isNull();
        instance.release();
        assertThat(model.closes).hasValue(0);
        instance.release();

        assertThat(model.closes).hasValue(1);
        assertThat(instance.isClosed()).isTrue();
        assertThatThrownBy(instance::release).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closesAtOnceWhenRetiredIdle() {
        CountingModel model = new CountingModel();
        LoadedInstance instance = new LoadedInstance(model, "m:1");

        instance.retire();
        instance.retire();

        assertThat(model.closes).hasValue(1);
    }

    @RepeatedTest(5)
    void manyRequestsAndARetirementNeverUseAClosedModel() throws Exception {
        CountingModel model = new CountingModel();
        LoadedInstance instance = new LoadedInstance(model, "m:1");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> served = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Random random = new Random(t);
            served.add(threads.submit(() -> {
                start.await();
                int count = 0;
                for (int i = 0; i < 2_000; i++) {
                    LoadedModel lent = instance.acquire();
                    if (lent == null) {
                        break;
                    }
                    model.use();
                    if (random.nextInt(10) == 0) {
                        Thread.yield();
                    }
                    model.use();
                    instance.release();
                    count++;
                }
                return count;
            }));
        }
        start.countDown();
        Thread.sleep(1);
        instance.retire();
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<Integer> future : served) {
            future.get();
        }

        assertThat(model.usedAfterClose).hasValue(0);
        assertThat(model.closes).hasValue(1);
        assertThat(instance.leases()).isZero();
    }
}
