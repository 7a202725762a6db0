package org.attest.api.callbacks;

/** The callback signature as a receiver computes it, for tests in other packages. */
public final class TestSignatures {

    private TestSignatures() {}

    public static String hmac(String secret, String message) {
        return CallbackSignature.hmac(secret, message);
    }
}
