package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;

/** Batching off: each request runs in its caller's thread, in chunks of at most {@code maxBatchSize} items. */
final class DirectInference<I, O> implements BatchedInference<I, O> {

    private final BatchFunction<I, O> function;
    private final int maxBatchSize;
    private final InferenceMetrics metrics;

    DirectInference(BatchFunction<I, O> function, int maxBatchSize, InferenceMetrics metrics) {
        this.function = function;
        this.maxBatchSize = maxBatchSize;
        this.metrics = metrics;
    }

    @Override
    public List<O> infer(List<I> items) throws OrtException {
        List<O> results = new ArrayList<>(items.size());
        for (int start = 0; start < items.size(); start += maxBatchSize) {
            List<I> batch = items.subList(start, Math.min(start + maxBatchSize, items.size()));
            long started = System.nanoTime();
            List<O> outputs = function.apply(batch);
            metrics.batch(batch.size(), System.nanoTime() - started);
            MicroBatcher.checkSize(batch, outputs);
            results.addAll(outputs);
        }
        metrics.succeeded();
        return results;
    }

    @Override
    public void close() {
        metrics.close();
    }
}
