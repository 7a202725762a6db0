package org.attest.review;

import java.util.List;

/**
 * The outcome of the release policy for one prediction.
 *
 * @param rulesFired the names of the rules that hold the prediction back; empty when it is released
 * @param policyVersion the version of the release policy that decided
 */
public record ReleaseDecision(List<String> rulesFired, String policyVersion) {

    public ReleaseDecision {
        rulesFired = List.copyOf(rulesFired);
    }

    public boolean released() {
        return rulesFired.isEmpty();
    }

    /** The fired rules as one comma-separated string, for storage and the API's {@code reviewReason}. */
    public String reason() {
        return String.join(",", rulesFired);
    }
}
