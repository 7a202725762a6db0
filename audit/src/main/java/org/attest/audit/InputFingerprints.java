package org.attest.audit;

/** Computes keyed fingerprints of inputs with the current server key. */
public interface InputFingerprints {

    InputFingerprint of(String text);
}
