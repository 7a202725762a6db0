package org.attest.serving.internal;

/**
 * How one loaded version's model calls are batched, and the model its meters name.
 *
 * @param batching batching settings and meters
 * @param name the model's name, a meter tag
 * @param version the version, a meter tag
 */
record ModelBatching(InferenceBatching batching, String name, String version) {

    /** No batching across requests, in chunks of the default batch size; for tests and tools. */
    static ModelBatching none(String name) {
        return new ModelBatching(InferenceBatching.unbatched(), name, "0");
    }

    /** The model call of this version. */
    <I, O> BatchedInference<I, O> open(BatchFunction<I, O> function) {
        return batching.forModel(name, version, function);
    }
}
