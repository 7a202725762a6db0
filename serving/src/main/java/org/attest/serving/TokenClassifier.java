package org.attest.serving;

import java.util.List;

/**
 * Finds entities with the token-classification model behind an alias (the PHI tagger is {@code phi-ner}): any Hugging
 * Face token-classification ONNX export, BIO/IOB2 labels from its {@code config.json}, long texts read in overlapping
 * windows.
 *
 * <p>Callers check {@link #status()}: when the model is not {@link ModelState#READY}, {@link #classify} throws
 * {@link IllegalStateException} and the caller decides what to do without it.
 */
public interface TokenClassifier {

    /**
     * Classifies a batch of texts in as few model runs as their lengths allow.
     *
     * @param texts texts, possibly empty ones
     * @return for the i-th text, its entities sorted by start and non-overlapping
     * @throws IllegalStateException when the model is not ready or failed on this batch (message PHI-free)
     * @throws InferenceRejectedException when the model's queue is full (micro-batching); nothing was computed
     */
    List<List<EntitySpan>> classify(List<String> texts);

    /** The state of the model that new requests go to. */
    ModelStatus status();
}
