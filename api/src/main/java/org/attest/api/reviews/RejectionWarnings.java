package org.attest.api.reviews;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.attest.review.ReviewDecided;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewQueue;
import org.attest.review.ReviewStatistics;
import org.attest.review.ReviewStatistics.ModelReviewStatistics;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code attest.review.rejection.warning{model_version}}: 1 while a model version's rejection rate is above the
 * configured level (the model card's "when to retrain" trigger), else 0; beside it the rejection rate itself. Updated
 * at startup, after every committed decision (for its model version) and whenever the statistics are read.
 */
@Component
class RejectionWarnings {

    private final ReviewStatistics statistics;
    private final MultiGauge warning;
    private final MultiGauge rate;
    private final Map<String, ModelReviewStatistics> latest = new ConcurrentHashMap<>();

    private final ReviewQueue queue;

    RejectionWarnings(ReviewStatistics statistics, ReviewQueue queue, MeterRegistry meters) {
        this.statistics = statistics;
        this.queue = queue;
        this.warning = MultiGauge.builder("attest.review.rejection.warning")
                .description("1 while the model version's rejection rate is above attest.review.rejection-warning-rate")
                .register(meters);
        this.rate = MultiGauge.builder("attest.review.rejection.rate")
                .description("Share of the model version's decided review items that clinicians rejected")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        update(statistics.byModelVersion());
    }

    /** After a decision has committed: its model version's rates may have moved. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void afterDecision(ReviewDecided decided) {
        queueItem(decided).flatMap(statistics::of).ifPresent(one -> update(List.of(one)));
    }

    void update(List<ModelReviewStatistics> changed) {
        changed.forEach(one -> latest.put(one.modelVersion(), one));
        List<ModelReviewStatistics> byModel = List.copyOf(latest.values());
        warning.register(
                byModel.stream()
                        .map(m -> MultiGauge.Row.of(
                                Tags.of("model_version", m.modelVersion()), m.rejectionWarning() ? 1 : 0))
                        .toList(),
                true);
        rate.register(
                byModel.stream()
                        .map(m -> MultiGauge.Row.of(Tags.of("model_version", m.modelVersion()), m.rejectionRate()))
                        .toList(),
                true);
    }

    private java.util.Optional<String> queueItem(ReviewDecided decided) {
        return queue.find(decided.itemId()).map(ReviewItem::modelVersion);
    }
}
