package org.attest.api.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Exponential backoff between callback attempts, capped; and the signature a receiver recomputes. */
class CallbackPropertiesTest {

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        CallbackProperties properties = new CallbackProperties(
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(1), 8, false);

        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(properties.backoffAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(CallbackSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(CallbackSignature.header("Jefe", 1700000000L, "{}"))
                .isEqualTo("t=1700000000,v1=" + CallbackSignature.hmac("Jefe", "1700000000.{}"));
    }
}
