package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.List;
import org.attest.serving.InferenceRejectedException;
import org.attest.serving.ModelStatus;
import org.attest.serving.ModelVersion;
import org.attest.serving.Summarizer;
import org.attest.serving.SummaryDraft;
import org.attest.serving.internal.ExtractiveSummarizerLoader.ExtractiveModel;
import org.attest.serving.internal.NoteUnit.Kind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model behind the {@code summarizer} alias. Each request leases the alias's target from the registry for its
 * duration, so a promotion takes effect for the next request while this one finishes on its version. When the target
 * is not READY (it failed to load, or is not in the registry) or fails on the request, the answer is a degraded draft
 * (the first units of the text, confidence 0): the application stays up and every such prediction goes to review.
 * The target may be of kind {@code extractive-summarizer} (or its KServe-backed variant) or {@code seq2seq}.
 *
 * <p>Nothing here logs or throws the text or the summary: logs carry model names, versions, devices and timings.
 */
final class SummarizerModel implements Summarizer {

    static final String ALIAS = "summarizer";

    static final int DEGRADED_UNITS = 3;

    private static final Logger log = LoggerFactory.getLogger(SummarizerModel.class);

    private final VersionedModelRegistry registry;

    SummarizerModel(VersionedModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public SummaryDraft summarize(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("text to summarize must not be blank");
        }
        try (ModelLease lease = registry.lease(ALIAS)) {
            ModelVersion version = lease.version();
            LoadedModel model = lease.model();
            if (!lease.ready() || model == null) {
                return degraded(text, version);
            }
            try {
                long started = System.nanoTime();
                SummaryDraft draft = draft(model, text, version);
                log.debug("{} summarized in {} ms", version.id(), (System.nanoTime() - started) / 1_000_000);
                return draft == null ? degraded(text, version) : draft;
            } catch (InferenceRejectedException e) {
                // Overload is not a model failure: the caller is told to retry, nothing is answered degraded.
                throw e;
            } catch (OrtException | RuntimeException e) {
                // The class name only: a message could quote the input.
                log.error(
                        "{} failed on a request ({}); answering degraded",
                        version.id(),
                        e.getClass().getName());
                return degraded(text, version);
            }
        }
    }

    /**
     * The draft of the kinds that summarize: extractive (quoted units) or seq2seq (generated text, confidence the
     * mean token log-probability mapped to [0,1]); null for a kind that does not summarize, or an empty generation.
     */
    private static @Nullable SummaryDraft draft(LoadedModel model, String text, ModelVersion version)
            throws OrtException {
        if (model instanceof ExtractiveModel extractive) {
            CentroidSummarizer.Extract extract = extractive.summarizer().summarize(text);
            return new SummaryDraft(
                    extract.text(),
                    extract.confidence(),
                    version,
                    false,
                    extract.outOfDistribution(),
                    extract.servedVersion());
        }
        if (model instanceof Seq2SeqModelLoader.Seq2SeqLoaded seq2seq) {
            Seq2SeqGenerator.Output output = seq2seq.generator().generate(text);
            return output.text().isBlank()
                    ? null
                    : new SummaryDraft(output.text().strip(), output.confidence(), version, false);
        }
        return null;
    }

    @Override
    public ModelStatus status() {
        return registry.status(ALIAS);
    }

    /** The first few units of the text, with no model at all: never released without review. */
    static SummaryDraft degraded(String text, ModelVersion version) {
        List<NoteUnit> units = NoteSegmenter.segment(text);
        List<NoteUnit> content =
                units.stream().filter(unit -> unit.kind() != Kind.HEADER).toList();
        List<NoteUnit> lead = (content.isEmpty() ? units : content)
                .stream().limit(DEGRADED_UNITS).toList();
        return new SummaryDraft(NoteUnit.render(lead), 0.0, version, true);
    }
}
