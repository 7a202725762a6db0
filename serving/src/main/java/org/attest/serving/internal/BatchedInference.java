package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.List;
import org.attest.serving.InferenceRejectedException;

/**
 * A model call that items go through, either coalesced with other callers' items ({@link MicroBatcher}) or alone
 * ({@link DirectInference}). Either way the results are the same and the metrics of {@link InferenceMetrics} are kept.
 *
 * @param <I> one item
 * @param <O> its result
 */
interface BatchedInference<I, O> extends AutoCloseable {

    /**
     * Runs the model on a request's items.
     *
     * @return the i-th result for the i-th item
     * @throws InferenceRejectedException when the model's queue has no room for the items
     * @throws OrtException when the model call fails
     */
    List<O> infer(List<I> items) throws OrtException;

    /** Finishes the items already accepted and refuses new ones. */
    @Override
    void close();
}
