package org.attest.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What happened in a time range, computed from the audit trail alone.
 *
 * @param from start, inclusive
 * @param to end, exclusive
 * @param eventsByType how many events of each type
 * @param predictionsByDecision prediction events by their decision ({@code RELEASED}, {@code PENDING_REVIEW})
 * @param byModelVersion prediction events per model version
 * @param review what clinicians decided about held predictions
 * @param confidenceHistogram prediction confidences in ten bins of width 0.1 (the last one includes 1.0)
 */
public record AuditReport(
        Instant from,
        Instant to,
        Map<AuditEventType, Long> eventsByType,
        Map<String, Long> predictionsByDecision,
        List<ModelVersionCount> byModelVersion,
        ReviewOutcomes review,
        List<Long> confidenceHistogram) {

    public AuditReport {
        eventsByType = Map.copyOf(eventsByType);
        predictionsByDecision = Map.copyOf(predictionsByDecision);
        byModelVersion = List.copyOf(byModelVersion);
        confidenceHistogram = List.copyOf(confidenceHistogram);
    }

    /**
     * Prediction events of one model version.
     *
     * @param modelName the model's name
     * @param modelVersion its version
     * @param released predictions released without review
     * @param queuedForReview predictions held for a clinician
     */
    public record ModelVersionCount(String modelName, String modelVersion, long released, long queuedForReview) {}

    /**
     * Clinicians' decisions in the range.
     *
     * @param approved released unchanged
     * @param edited released with the clinician's text
     * @param rejected refused
     * @param overrideRate (edited + rejected) / all decisions, or null without decisions
     * @param medianSecondsToReview median time from being queued to being decided, or null without decisions
     */
    public record ReviewOutcomes(
            long approved,
            long edited,
            long rejected,
            @Nullable Double overrideRate,
            @Nullable Double medianSecondsToReview) {}
}
