package org.attest.redaction;

import org.jspecify.annotations.Nullable;

/**
 * What detects PHI right now, for health checks and operators.
 *
 * @param policyVersion the policy version new redactions report
 * @param nerActive whether the NER model takes part; false means regular expressions alone
 * @param nerModel the NER model version ({@code name:version}), or null when none is configured or readable
 * @param reason why the NER model does not take part (PHI-free), or null when it does
 */
public record DetectionStatus(
        String policyVersion,
        boolean nerActive,
        @Nullable String nerModel,
        @Nullable String reason) {}
