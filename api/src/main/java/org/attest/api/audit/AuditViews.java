package org.attest.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attest.audit.AuditRecord;
import org.attest.audit.AuditReport;
import org.attest.audit.ChainVerification;
import org.attest.audit.Checkpoint;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the compliance API. */
final class AuditViews {

    private AuditViews() {}

    /**
     * A page of events; {@code nextCursor} fetches the next one, null on the last page.
     *
     * @param events the events, in sequence order
     * @param nextCursor the {@code cursor} parameter of the next page
     */
    record EventsPage(List<AuditEventView> events, @Nullable String nextCursor) {}

    /**
     * The outcome of walking the chain.
     *
     * @param intact whether every row and checkpoint holds
     * @param recordsChecked rows read and found linked
     * @param checkpointsChecked checkpoints checked (table and export directory)
     * @param firstBrokenSequence the first sequence that does not hold
     * @param reason why, as a stable code
     * @param description why, in words
     */
    record Verification(
            boolean intact,
            long recordsChecked,
            long checkpointsChecked,
            @Nullable Long firstBrokenSequence,
            @Nullable String reason,
            @Nullable String description) {

        static Verification of(ChainVerification verification) {
            return new Verification(
                    verification.intact(),
                    verification.recordsChecked(),
                    verification.checkpointsChecked(),
                    verification.firstBrokenSequence(),
                    verification.reason() == null ? null : verification.reason().name(),
                    verification.reason() == null ? null : verification.reason().description());
        }
    }

    /**
     * The report of a time range.
     *
     * @param from start, inclusive
     * @param to end, exclusive
     * @param eventsByType events of each type
     * @param predictionsByDecision prediction events by decision
     * @param byModelVersion prediction events per model version
     * @param review clinicians' decisions: counts, override rate, median time to review
     * @param confidenceHistogram prediction confidences in bins of 0.1
     */
    record Report(
            Instant from,
            Instant to,
            Map<String, Long> eventsByType,
            Map<String, Long> predictionsByDecision,
            List<ModelVersion> byModelVersion,
            AuditReport.ReviewOutcomes review,
            List<Bin> confidenceHistogram) {

        static Report of(AuditReport report) {
            Map<String, Long> byType = new TreeMap<>();
            report.eventsByType().forEach((type, count) -> byType.put(type.name(), count));
            List<Bin> bins = new ArrayList<>();
            List<Long> counts = report.confidenceHistogram();
            for (int i = 0; i < counts.size(); i++) {
                bins.add(new Bin(i / (double) counts.size(), (i + 1) / (double) counts.size(), counts.get(i)));
            }
            return new Report(
                    report.from(),
                    report.to(),
                    byType,
                    new TreeMap<>(report.predictionsByDecision()),
                    report.byModelVersion().stream().map(ModelVersion::of).toList(),
                    report.review(),
                    bins);
        }
    }

    /**
     * Prediction events of one model version.
     *
     * @param model {@code name:version}
     * @param released released without review
     * @param queuedForReview held for a clinician
     * @param total both
     */
    record ModelVersion(String model, long released, long queuedForReview, long total) {
        static ModelVersion of(AuditReport.ModelVersionCount count) {
            return new ModelVersion(
                    count.modelName() + ":" + count.modelVersion(),
                    count.released(),
                    count.queuedForReview(),
                    count.released() + count.queuedForReview());
        }
    }

    /**
     * One histogram bin.
     *
     * @param from lower bound, inclusive
     * @param to upper bound, exclusive (the last bin includes 1.0)
     * @param count predictions in it
     */
    record Bin(double from, double to, long count) {}

    /**
     * Whether a text was processed, and when.
     *
     * @param processed whether any prediction was made from it
     * @param matches how many predictions were (up to the listed maximum)
     * @param events those predictions, oldest first
     * @param keysChecked the ids of the keys the text was fingerprinted under
     */
    record Lookup(boolean processed, int matches, List<LookupMatch> events, List<String> keysChecked) {}

    /**
     * One prediction made from the looked-up text.
     *
     * @param sequence its audit row
     * @param time when
     * @param type released or queued for review
     * @param requestId the request
     * @param clientId the client
     * @param subjectId the summary
     * @param decision what was decided
     * @param model {@code name:version}
     * @param inputHmacKeyId the key under which the text matched
     */
    record LookupMatch(
            long sequence,
            Instant time,
            String type,
            String requestId,
            String clientId,
            @Nullable String subjectId,
            @Nullable String decision,
            @Nullable String model,
            @Nullable String inputHmacKeyId) {

        static LookupMatch of(AuditRecord record) {
            var event = record.event();
            return new LookupMatch(
                    record.sequence(),
                    record.time(),
                    event.type().name(),
                    event.requestId(),
                    event.clientId(),
                    event.subjectId(),
                    event.decision(),
                    event.model() == null
                            ? null
                            : event.model().name() + ":" + event.model().version(),
                    event.input() == null ? null : event.input().keyId());
        }
    }

    /**
     * A signed checkpoint.
     *
     * @param id its number
     * @param kind why it was signed
     * @param signedAt when
     * @param chainSequence the head it signs
     * @param chainHash the head's hash
     * @param keyId the signing key
     * @param signature base64 Ed25519 signature of the statement (audit/README.md)
     */
    record CheckpointView(
            long id,
            String kind,
            Instant signedAt,
            long chainSequence,
            String chainHash,
            String keyId,
            String signature) {
        static CheckpointView of(Checkpoint checkpoint) {
            return new CheckpointView(
                    checkpoint.id(),
                    checkpoint.kind().name(),
                    checkpoint.signedAt(),
                    checkpoint.chainSequence(),
                    checkpoint.chainHash(),
                    checkpoint.keyId(),
                    checkpoint.signature());
        }
    }
}
