package org.attest.review;

/** Decides whether a prediction may be released without a clinician. Rules are named and reported by name. */
public interface ReleasePolicy {

    ReleaseDecision decide(ReleaseCandidate candidate);
}
