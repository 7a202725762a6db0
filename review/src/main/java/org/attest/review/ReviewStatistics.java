package org.attest.review;

import java.util.List;
import java.util.Map;

/** How clinicians overrode each model version: the model card's "when to retrain" evidence. */
public interface ReviewStatistics {

    /** One entry per model version that has review items, by name:version. */
    List<ModelReviewStatistics> byModelVersion();

    /** The entry of one model version ({@code name:version}), if it has review items. */
    java.util.Optional<ModelReviewStatistics> of(String modelVersion);

    /**
     * One model version's review record.
     *
     * @param modelVersion {@code name:version}
     * @param open items still PENDING or CLAIMED
     * @param decided items decided
     * @param approvalRate share of decided items approved unedited (0 when none decided)
     * @param editRate share edited
     * @param rejectionRate share rejected
     * @param editDistance the edits' character edit distances: quartiles and a histogram
     * @param reasons decided items per reason code (edits and rejections)
     * @param medianSecondsToDecision median from queueing to decision, or -1 when none decided
     * @param rejectionWarning whether the rejection rate is above the configured level (with enough decisions)
     */
    record ModelReviewStatistics(
            String modelVersion,
            long open,
            long decided,
            double approvalRate,
            double editRate,
            double rejectionRate,
            EditDistances editDistance,
            Map<String, Long> reasons,
            double medianSecondsToDecision,
            boolean rejectionWarning) {}

    /**
     * The distribution of edit distances.
     *
     * @param count edits
     * @param median median distance, or -1 without edits
     * @param p90 90th percentile, or -1 without edits
     * @param max largest, or -1 without edits
     * @param histogram edits per bucket ({@code 0-10}, {@code 11-50}, {@code 51-200}, {@code 201+})
     */
    record EditDistances(long count, double median, double p90, long max, Map<String, Long> histogram) {}
}
