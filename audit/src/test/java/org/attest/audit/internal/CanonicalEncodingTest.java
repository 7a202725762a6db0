package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditRecord;
import org.attest.audit.InputFingerprint;
import org.attest.audit.ModelRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The encoding an outside verifier reimplements: its exact bytes, and that no two rows share one. */
class CanonicalEncodingTest {

    static final Instant TIME = Instant.parse("2025-01-31T09:05:00.12Z");
    static final String PREV = "ab".repeat(32);

    @Test
    void encodesEveryColumnInTheDocumentedForm() {
        AuditEvent event = AuditEvent.builder(
                        AuditEventType.PREDICTION_RELEASED, new Actor("https://idp", "sub-1"), "client", "req-1")
                .subject("s-1")
                .input(new InputFingerprint("k1", "0f".repeat(32)))
                .output("Résumé\nline 2")
                .confidence(0.85)
                .model(new ModelRef("summarizer", "3", "12".repeat(32), null))
                .redactionPolicy("redaction-policy/1")
                .decision("RELEASED", "")
                .build();

        String encoding = CanonicalEncoding.encode(42, TIME, event, PREV);

        assertThat(encoding)
                .isEqualTo("seq=2:42\n"
                        + "event_time=27:2025-01-31T09:05:00.120000Z\n"
                        + "event_type=19:PREDICTION_RELEASED\n"
                        + "actor_issuer=11:https://idp\n"
                        + "actor_subject=5:sub-1\n"
                        + "client_id=6:client\n"
                        + "request_id=5:req-1\n"
                        + "subject_id=3:s-1\n"
                        + "input_hmac=64:" + "0f".repeat(32) + "\n"
                        + "input_hmac_key_id=2:k1\n"
                        + "output=15:Résumé\nline 2\n"
                        + "confidence=4:0.85\n"
                        + "model_name=10:summarizer\n"
                        + "model_version=1:3\n"
                        + "model_sha256=64:" + "12".repeat(32) + "\n"
                        + "model_card_hash=-\n"
                        + "redaction_policy_version=18:redaction-policy/1\n"
                        + "decision=8:RELEASED\n"
                        + "rule=0:\n"
                        + "prev_hash=64:" + PREV + "\n");
        // computed independently of this code (Python hashlib over the text above)
        assertThat(CanonicalEncoding.hash(PREV, encoding))
                .isEqualTo("144c50c6199db68a47d32f73e30d51f6d57de976884c2d9009b21a28360904d8");
    }

    @Test
    void aRowOfTheShapeBeforeTheServedVersionEncodesAndHashesAsItDid() {
        // the event of the test above, with the model built as a row without the column reads back
        AuditEvent event = AuditEvent.builder(
                        AuditEventType.PREDICTION_RELEASED, new Actor("https://idp", "sub-1"), "client", "req-1")
                .subject("s-1")
                .input(new InputFingerprint("k1", "0f".repeat(32)))
                .output("Résumé\nline 2")
                .confidence(0.85)
                .model(new ModelRef("summarizer", "3", "12".repeat(32), null, null))
                .redactionPolicy("redaction-policy/1")
                .decision("RELEASED", "")
                .build();

        String encoding = CanonicalEncoding.encode(42, TIME, event, PREV);

        assertThat(encoding).doesNotContain("model_served_version");
        // pinned before the column existed
        assertThat(CanonicalEncoding.hash(PREV, encoding))
                .isEqualTo("144c50c6199db68a47d32f73e30d51f6d57de976884c2d9009b21a28360904d8");
    }

    @Test
    void aServedVersionHasItsLineAfterTheCardHash() {
        AuditEvent event = AuditEvent.builder(
                        AuditEventType.PREDICTION_RELEASED, new Actor("https://idp", "sub-1"), "client", "req-1")
                .model(new ModelRef("summarizer", "3", "12".repeat(32), "cd".repeat(32), "7"))
                .build();

        String encoding = CanonicalEncoding.encode(42, TIME, event, PREV);

        assertThat(encoding)
                .isEqualTo("seq=2:42\n"
                        + "event_time=27:2025-01-31T09:05:00.120000Z\n"
                        + "event_type=19:PREDICTION_RELEASED\n"
                        + "actor_issuer=11:https://idp\n"
                        + "actor_subject=5:sub-1\n"
                        + "client_id=6:client\n"
                        + "request_id=5:req-1\n"
                        + "subject_id=-\n"
                        + "input_hmac=-\n"
                        + "input_hmac_key_id=-\n"
                        + "output=-\n"
                        + "confidence=-\n"
                        + "model_name=10:summarizer\n"
                        + "model_version=1:3\n"
                        + "model_sha256=64:" + "12".repeat(32) + "\n"
                        + "model_card_hash=64:" + "cd".repeat(32) + "\n"
                        + "model_served_version=1:7\n"
                        + "redaction_policy_version=-\n"
                        + "decision=-\n"
                        + "rule=-\n"
                        + "prev_hash=64:" + PREV + "\n");
        // computed independently of this code (Python hashlib over the text above)
        assertThat(CanonicalEncoding.hash(PREV, encoding))
                .isEqualTo("2bff16c62bc028817b6576ac476d9ca8b9bd8beee126633c281a8dbac936dcd8");
    }

    @Test
    void theServedVersionIsCoveredByTheHash() {
        ModelRef local = new ModelRef("summarizer", "3", "12".repeat(32), null);
        AuditEvent none = AuditEvent.builder(AuditEventType.PREDICTION_RELEASED, Actor.SYSTEM, "c", "r")
                .model(local)
                .build();
        AuditEvent three = AuditEvent.builder(AuditEventType.PREDICTION_RELEASED, Actor.SYSTEM, "c", "r")
                .model(new ModelRef("summarizer", "3", "12".repeat(32), null, "3"))
                .build();
        AuditEvent four = AuditEvent.builder(AuditEventType.PREDICTION_RELEASED, Actor.SYSTEM, "c", "r")
                .model(new ModelRef("summarizer", "3", "12".repeat(32), null, "4"))
                .build();

        assertThat(local).isEqualTo(new ModelRef("summarizer", "3", "12".repeat(32), null, null));
        assertThat(Set.of(
                        CanonicalEncoding.encode(1, TIME, none, PREV),
                        CanonicalEncoding.encode(1, TIME, three, PREV),
                        CanonicalEncoding.encode(1, TIME, four, PREV)))
                .hasSize(3);
        assertThatThrownBy(() -> new ModelRef("summarizer", "3", "12".repeat(32), null, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void absentPartsAreNullsNotEmptyStrings() {
        AuditEvent event = AuditEvent.builder(AuditEventType.CHAIN_VERIFIED, Actor.SYSTEM, "attest", "r")
                .build();

        assertThat(CanonicalEncoding.encode(1, TIME, event, CanonicalEncoding.GENESIS))
                .contains("subject_id=-\ninput_hmac=-\ninput_hmac_key_id=-\noutput=-\nconfidence=-\nmodel_name=-\n")
                .contains("decision=-\nrule=-\n");
    }

    @Test
    void nullAndTheEmptyStringDiffer() {
        AuditEvent empty = event("", null);
        AuditEvent absent = event(null, null);

        assertThat(CanonicalEncoding.encode(1, TIME, empty, PREV))
                .isNotEqualTo(CanonicalEncoding.encode(1, TIME, absent, PREV));
    }

    @Test
    void aValueCannotImitateAFieldBoundary() {
        AuditEvent smuggled = event("a\nconfidence=-\nmodel_name=-", null);
        AuditEvent honest = event("a", null);
        AuditEvent shifted = event("RELEASED\nrule=1:x", null);
        AuditEvent split = event("RELEASED", "x");

        assertThat(CanonicalEncoding.encode(1, TIME, smuggled, PREV))
                .isNotEqualTo(CanonicalEncoding.encode(1, TIME, honest, PREV))
                .contains("output=27:a\nconfidence=-\nmodel_name=-\n");
        assertThat(CanonicalEncoding.encode(1, TIME, shifted, PREV))
                .isNotEqualTo(CanonicalEncoding.encode(1, TIME, split, PREV));
    }

    @ParameterizedTest
    @CsvSource({
        "2025-01-31T09:05:00Z, 2025-01-31T09:05:00.000000Z",
        "2025-01-31T09:05:00.000001Z, 2025-01-31T09:05:00.000001Z",
        "1999-12-31T23:59:59.999999Z, 1999-12-31T23:59:59.999999Z",
    })
    void timeHasExactlySixFractionalDigitsInUtc(String instant, String encoded) {
        AuditEvent event = event(null, null);

        assertThat(CanonicalEncoding.encode(1, Instant.parse(instant), event, PREV))
                .contains("event_time=27:" + encoded + "\n");
    }

    @ParameterizedTest
    @CsvSource({"0.0, 0.0", "1.0, 1.0", "0.5, 0.5", "0.0001, 1.0E-4", "0.30000000000000004, 0.30000000000000004"})
    void confidenceIsJavasShortestRoundTripForm(double confidence, String encoded) {
        AuditEvent event = AuditEvent.builder(AuditEventType.PREDICTION_RELEASED, Actor.SYSTEM, "c", "r")
                .confidence(confidence)
                .build();

        assertThat(CanonicalEncoding.encode(1, TIME, event, PREV))
                .contains("confidence=" + encoded.length() + ":" + encoded + "\n");
    }

    @Test
    void theRecordsOwnHashIsNotEncodedButItsPrevHashIs() {
        AuditEvent event = event("x", null);
        AuditRecord one = new AuditRecord(7, TIME, event, PREV, "11".repeat(32));
        AuditRecord other = new AuditRecord(7, TIME, event, PREV, "22".repeat(32));

        assertThat(CanonicalEncoding.encode(one)).isEqualTo(CanonicalEncoding.encode(other));
        assertThat(CanonicalEncoding.encode(one))
                .isNotEqualTo(CanonicalEncoding.encode(new AuditRecord(7, TIME, event, "33".repeat(32), PREV)));
    }

    private static AuditEvent event(String output, String rule) {
        return AuditEvent.builder(AuditEventType.PREDICTION_RELEASED, Actor.SYSTEM, "c", "r")
                .output(output)
                .decision("RELEASED", rule)
                .build();
    }
}
