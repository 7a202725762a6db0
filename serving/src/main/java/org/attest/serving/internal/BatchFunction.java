package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.List;

/**
 * One model call on a batch: the i-th output belongs to the i-th input, and there are as many outputs as inputs.
 *
 * @param <I> one item (a tokenized sentence, a window)
 * @param <O> its result
 */
@FunctionalInterface
interface BatchFunction<I, O> {

    List<O> apply(List<I> batch) throws OrtException;
}
