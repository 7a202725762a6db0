package org.attest.audit;

import java.util.List;

/** Computes keyed fingerprints of inputs: with the current server key, or with every key still known. */
public interface InputFingerprints {

    /** The fingerprint under the current key, as appends record it. */
    InputFingerprint of(String text);

    /** The fingerprints under the current key and every retired key, for looking a text up in old rows. */
    List<InputFingerprint> underEveryKey(String text);
}
