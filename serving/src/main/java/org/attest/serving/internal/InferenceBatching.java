package org.attest.serving.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Puts a model call behind micro-batching or not, as {@code attest.serving.batching} says, with the model's meters.
 * Every model kind that runs batches (sentence encoder, token classifier) gets its {@link BatchedInference} here.
 */
final class InferenceBatching {

    private final BatchingProperties settings;
    private final MeterRegistry registry;

    InferenceBatching(BatchingProperties settings, ObjectProvider<MeterRegistry> registry) {
        this(settings, registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    InferenceBatching(BatchingProperties settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    /** Batching off, meters in a registry of their own: for tools and tests outside Spring. */
    static InferenceBatching unbatched() {
        return new InferenceBatching(BatchingProperties.off(), new SimpleMeterRegistry());
    }

    BatchingProperties settings() {
        return settings;
    }

    /**
     * The model call for one loaded version; close it when the version is unloaded.
     *
     * @param name the model's name, a meter tag
     * @param version the version, a meter tag
     */
    <I, O> BatchedInference<I, O> forModel(String name, String version, BatchFunction<I, O> function) {
        if (!settings.enabled()) {
            return new DirectInference<>(
                    function, settings.maxBatchSize(), new InferenceMetrics(registry, name, version, () -> 0));
        }
        return new MicroBatcher<>(
                function,
                name + ":" + version,
                settings,
                pending -> new InferenceMetrics(registry, name, version, pending));
    }
}
