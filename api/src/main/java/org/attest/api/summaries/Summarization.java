package org.attest.api.summaries;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.attest.api.security.Caller;
import org.attest.api.web.ApiProperties;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditTrail;
import org.attest.audit.InputFingerprint;
import org.attest.audit.InputFingerprints;
import org.attest.audit.ModelRef;
import org.attest.redaction.Redaction;
import org.attest.redaction.Redactor;
import org.attest.review.NewReviewItem;
import org.attest.review.ReleaseDecision;
import org.attest.review.ReleasePolicy;
import org.attest.review.ReviewQueue;
import org.attest.serving.ModelVersion;
import org.attest.serving.Summarizer;
import org.attest.serving.SummaryDraft;
import org.springframework.stereotype.Service;

/**
 * The summarize use case: redact the input, summarize it, redact the output again, decide release, then store the
 * summary, its review item and its audit event in one transaction — the audit trail's group commit, which answers
 * only after that transaction has committed. If it fails or does not commit within {@code attest.api.commit-timeout},
 * nothing is released: the caller gets the exception and answers 503.
 */
@Service
class Summarization {

    private final Redactor redactor;
    private final Summarizer summarizer;
    private final ReleasePolicy releasePolicy;
    private final ReleaseCandidates candidates;
    private final InputFingerprints fingerprints;
    private final Summaries summaries;
    private final ReviewQueue reviews;
    private final AuditTrail audit;
    private final Duration commitTimeout;
    private final Clock clock;
    private final MeterRegistry meters;

    Summarization(
            Redactor redactor,
            Summarizer summarizer,
            ReleasePolicy releasePolicy,
            ReleaseCandidates candidates,
            InputFingerprints fingerprints,
            Summaries summaries,
            ReviewQueue reviews,
            AuditTrail audit,
            ApiProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.redactor = redactor;
        this.summarizer = summarizer;
        this.releasePolicy = releasePolicy;
        this.candidates = candidates;
        this.fingerprints = fingerprints;
        this.summaries = summaries;
        this.reviews = reviews;
        this.audit = audit;
        this.commitTimeout = properties.commitTimeout();
        this.clock = clock;
        this.meters = meters;
    }

    Summary summarize(Caller caller, String requestId, String text) {
        Redaction input = redactor.redact(text);
        SummaryDraft draft = summarizer.summarize(input.redactedText());
        Redaction redactedOutput = redactor.redact(draft.text());
        String output = redactedOutput.redactedText();
        // Both passes are on record: if the NER model dropped out between them, the version says so.
        String policyVersion = input.policyVersion().equals(redactedOutput.policyVersion())
                ? input.policyVersion()
                : input.policyVersion() + " | output " + redactedOutput.policyVersion();
        ReleaseDecision decision = releasePolicy.decide(candidates.of(draft, text));
        Summary summary = new Summary(
                UUID.randomUUID(),
                caller.clientId(),
                caller.actor(),
                requestId,
                decision.released() ? SummaryStatus.RELEASED : SummaryStatus.PENDING_REVIEW,
                decision.released() ? output : null,
                output,
                input.redactedText(),
                draft.confidence(),
                new Summary.ModelOfRecord(
                        draft.model().name(),
                        draft.model().version(),
                        draft.model().artifactSha256()),
                draft.degraded(),
                policyVersion,
                decision.policyVersion(),
                decision.released() ? null : decision.reason(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        InputFingerprint fingerprint = fingerprints.of(text);
        ModelRef model = modelRef(draft);
        audit.commit(() -> store(summary, decision, fingerprint, caller, model), commitTimeout);
        meters.counter(
                        "attest.summaries",
                        "status",
                        summary.status().name(),
                        "degraded",
                        Boolean.toString(summary.degraded()))
                .increment();
        return summary;
    }

    /**
     * The summary's rows, in the committer's transaction; returns the event that records them. The review item gets
     * the same model reference as the event — card hash and remote served version included — so that every
     * decision on it is bound to what made the prediction.
     */
    private AuditEvent store(
            Summary summary, ReleaseDecision decision, InputFingerprint fingerprint, Caller caller, ModelRef model) {
        summaries.add(summary);
        boolean released = summary.status() == SummaryStatus.RELEASED;
        if (!released) {
            reviews.enqueue(new NewReviewItem(
                    summary.id(),
                    summary.clientId(),
                    decision,
                    summary.confidence(),
                    model,
                    summary.redactionPolicyVersion(),
                    summary.draftText(),
                    summary.redactedInput()));
        }
        return AuditEvent.builder(
                        released ? AuditEventType.PREDICTION_RELEASED : AuditEventType.PREDICTION_QUEUED_FOR_REVIEW,
                        caller.actor(),
                        caller.clientId(),
                        summary.requestId())
                .subject(summary.id().toString())
                .input(fingerprint)
                .output(summary.draftText())
                .confidence(summary.confidence())
                .model(model)
                .redactionPolicy(summary.redactionPolicyVersion())
                .decision(summary.status().name(), summary.reviewReason())
                .build();
    }

    /** What the prediction is bound to: the version that ran, its card, and a remote server's own version of it. */
    private static ModelRef modelRef(SummaryDraft draft) {
        ModelVersion version = draft.model();
        return new ModelRef(
                version.name(),
                version.version(),
                version.artifactSha256(),
                version.cardSha256(),
                draft.servedVersion());
    }
}
