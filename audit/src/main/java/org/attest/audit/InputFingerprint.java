package org.attest.audit;

/**
 * A keyed fingerprint of an input text: HMAC-SHA-256 under a server key, so that a dictionary of likely
 * inputs cannot be matched against the audit log.
 *
 * @param keyId which server key made it (keys rotate)
 * @param hmac lowercase hex HMAC-SHA-256 of the UTF-8 text
 */
public record InputFingerprint(String keyId, String hmac) {}
