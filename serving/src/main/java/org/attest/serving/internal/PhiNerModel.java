package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.List;
import org.attest.serving.EntitySpan;
import org.attest.serving.InferenceRejectedException;
import org.attest.serving.ModelStatus;
import org.attest.serving.TokenClassifier;

/**
 * The model behind the {@code phi-ner} alias. Each call leases the alias's target from the registry for its duration,
 * so a promotion takes effect for the next batch while this one finishes on its version. When the target is not READY
 * (it failed to load, or is not in the registry) {@link #classify} refuses, and redaction runs on its regular
 * expressions alone and says so. Nothing here logs or throws text or entities.
 */
final class PhiNerModel implements TokenClassifier {

    static final String ALIAS = "phi-ner";

    private final VersionedModelRegistry registry;

    PhiNerModel(VersionedModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<List<EntitySpan>> classify(List<String> texts) {
        try (ModelLease lease = registry.lease(ALIAS)) {
            String id = lease.version().id();
            if (!lease.ready() || !(lease.model() instanceof OnnxTokenClassifier model)) {
                throw new IllegalStateException("model " + id + " behind '" + ALIAS + "' is not ready");
            }
            try {
                return model.classify(texts);
            } catch (InferenceRejectedException full) {
                // the queue is full: the caller answers 503 and retries, never redacts on patterns alone
                throw full;
            } catch (OrtException | RuntimeException e) {
                // The class name only: a message could quote the input.
                throw new IllegalStateException(
                        "model " + id + " failed on a batch (" + e.getClass().getName() + ")");
            }
        }
    }

    @Override
    public ModelStatus status() {
        return registry.status(ALIAS);
    }
}
