package org.attest.api.reviews;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.attest.review.ReviewStatistics;
import org.attest.review.ReviewStatistics.ModelReviewStatistics;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code attest.review.rejection.warning{model_version}}: 1 while a model version's rejection rate is above the
 * configured level (the model card's "when to retrain" trigger), else 0; beside it the rejection rate itself. Updated
 * at startup and whenever the statistics are read.
 */
@Component
class RejectionWarnings {

    private final ReviewStatistics statistics;
    private final MultiGauge warning;
    private final MultiGauge rate;

    RejectionWarnings(ReviewStatistics statistics, MeterRegistry meters) {
        this.statistics = statistics;
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

    void update(List<ModelReviewStatistics> byModel) {
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
}
