package org.attest.serving;

/**
 * Summarizes clinical text with the model behind the {@code summarizer} alias.
 *
 * <p>Never fails because the model is unavailable: it then answers with a {@linkplain SummaryDraft#degraded()
 * degraded} draft. Callers pass text that is already redacted.
 */
public interface Summarizer {

    /**
     * Summarizes one text.
     *
     * @param text redacted clinical text, not blank
     * @return the draft, with its confidence and the model version that made it
     * @throws InferenceRejectedException when the model's queue is full (micro-batching); nothing was computed
     */
    SummaryDraft summarize(String text);

    /** The state of the model that new requests go to. */
    ModelStatus status();
}
