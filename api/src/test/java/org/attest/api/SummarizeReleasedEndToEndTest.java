package org.attest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.attest.api.ApiClient.Reply;
import org.attest.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The whole chain on real parts — embedded issuer token, Redis rate limit, redaction, the shipped MiniLM model,
 * release decision, one transaction into PostgreSQL with the audit chain — with the release threshold at 0 so
 * that a summary is released.
 */
@ExtendWith(OutputCaptureExtension.class)
class SummarizeReleasedEndToEndTest extends ReleasingApplicationTest {

    @Autowired
    AuditTrail auditTrail;

    @Test
    void releasesASummaryWithoutPhiAndAuditsItInTheChain(CapturedOutput output) throws Exception {
        Reply reply = api.postJson(
                "/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode body = reply.json();
        String id = body.path("id").asString();
        assertThat(reply.header("Location")).isEqualTo("/v1/summaries/" + id);
        assertThat(body.path("status").asString()).isEqualTo("RELEASED");
        assertThat(body.path("summary").asString()).isNotBlank();
        assertThat(body.path("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.path("modelVersion").asString()).isEqualTo("clinical-summarizer-extractive:1");
        assertThat(body.path("degraded").asBoolean()).isFalse();
        assertThat(body.path("redactionPolicyVersion").asString()).isNotBlank();
        assertThat(body.path("reviewReason").isNull()).isTrue();
        String requestId = body.path("requestId").asString();
        assertThat(reply.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(reply.header("RateLimit-Policy")).isEqualTo("\"default\";q=120;w=60");

        ClinicalNotes.PLANTED_PHI.forEach(phi -> assertThat(reply.body()).doesNotContain(phi));

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_event WHERE request_id = ?", requestId);
        assertThat(row.get("event_type")).isEqualTo("PREDICTION_RELEASED");
        assertThat(row.get("actor_issuer")).isEqualTo(api.baseUrl());
        assertThat(row.get("actor_subject")).isEqualTo("demo-consumer");
        assertThat(row.get("client_id")).isEqualTo("demo-consumer");
        assertThat(row.get("subject_id")).isEqualTo(id);
        assertThat(row.get("decision")).isEqualTo("RELEASED");
        assertThat(row.get("model_name")).isEqualTo("clinical-summarizer-extractive");
        assertThat(row.get("model_version")).isEqualTo("1");
        assertThat((String) row.get("model_sha256")).matches("[0-9a-f]{64}");
        // the shipped model runs in the service: no remote server's version
        assertThat(row).containsEntry("model_served_version", null);
        assertThat(row.get("redaction_policy_version"))
                .isEqualTo(body.path("redactionPolicyVersion").asString());
        assertThat(((Number) row.get("confidence")).doubleValue())
                .isEqualTo(body.path("confidence").asDouble());
        assertThat(row.get("output")).isEqualTo(body.path("summary").asString());
        String inputHmac = (String) row.get("input_hmac");
        assertThat(inputHmac)
                .isEqualTo(hmac(ClinicalNotes.NOTE_WITH_PHI))
                .isNotEqualTo(sha256(ClinicalNotes.NOTE_WITH_PHI));
        assertThat(row.get("input_hmac_key_id")).isEqualTo("test-key");
        String rowText = row.toString();
        ClinicalNotes.PLANTED_PHI.forEach(phi -> assertThat(rowText).doesNotContain(phi));

        long sequence = ((Number) row.get("seq")).longValue();
        String previous = sequence == 1
                ? "0".repeat(64)
                : jdbc.queryForObject("SELECT hash FROM audit_event WHERE seq = ?", String.class, sequence - 1);
        assertThat(row.get("prev_hash")).isEqualTo(previous);
        assertThat(auditTrail.verify().intact()).isTrue();

        String summaryRow =
                jdbc.queryForMap("SELECT * FROM summary WHERE id = ?::uuid", id).toString();
        ClinicalNotes.PLANTED_PHI.forEach(phi -> assertThat(summaryRow).doesNotContain(phi));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM review_item WHERE summary_id = ?::uuid", Integer.class, id))
                .isZero();

        ClinicalNotes.PLANTED_PHI.forEach(phi -> assertThat(output.getAll()).doesNotContain(phi));
    }

    @Test
    void aNoteInALanguageTheCardDoesNotListIsHeldForReviewAsOutOfScope() {
        String spanish = "Paciente de 58 años que refiere dolor torácico desde hace dos días, que empeora con el"
                + " esfuerzo y mejora con el reposo. No tiene fiebre y la presión arterial es de 150/95. El"
                + " electrocardiograma muestra una depresión del segmento ST y la troponina está elevada. Plan: aspirina,"
                + " heparina y ingreso en cardiología para repetir la troponina en seis horas.";

        Reply reply = api.postJson("/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(spanish));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(reply.json().path("reviewReason").asString()).contains("out-of-scope");
    }

    @Test
    void aConsumerReadsItsOwnSummaryAndNoOneElses() {
        Reply created = api.postJson(
                "/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));
        String id = created.json().path("id").asString();

        Reply own = api.get("/v1/summaries/" + id, api.token("demo-consumer"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("summary").asString())
                .isEqualTo(created.json().path("summary").asString());
        assertThat(own.json().path("requestId").asString())
                .isEqualTo(created.json().path("requestId").asString());

        Reply foreign = api.get("/v1/summaries/" + id, api.token("other-consumer"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().path("type").asString()).isEqualTo("urn:attest:problem:not-found");
        assertThat(foreign.body()).doesNotContain(created.json().path("summary").asString());

        assertThat(api.get("/v1/summaries/not-a-uuid", api.token("demo-consumer"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void redactsWithOffsetsIntoTheOriginalText() {
        String note = ClinicalNotes.NOTE_WITH_PHI;
        Reply reply = api.postJson("/v1/redact", api.token("demo-consumer"), ApiClient.textBody(note));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode body = reply.json();
        String redacted = body.path("redactedText").asString();
        ClinicalNotes.PLANTED_PHI.forEach(phi -> assertThat(redacted).doesNotContain(phi));
        assertThat(redacted).contains("chest pain", "BP 150/90", "500 mg", "T2DM");
        assertThat(body.path("policyVersion").asString()).isNotBlank();
        JsonNode entities = body.path("entities");
        assertThat(entities.size()).isGreaterThanOrEqualTo(8);
        for (JsonNode entity : entities) {
            int start = entity.path("start").asInt();
            int end = entity.path("end").asInt();
            assertThat(start).isLessThan(end);
            assertThat(entity.path("type").asString())
                    .isIn("NAME", "PROFESSION", "LOCATION", "AGE", "DATE", "CONTACT", "ID");
            assertThat(entity.path("detector").asString()).isNotBlank();
            assertThat(ClinicalNotes.PLANTED_PHI)
                    .anySatisfy(phi -> assertThat(phi).contains(note.substring(start, end)));
        }
        assertThat(reply.body()).doesNotContain("48213377", "jwhitfield@example.org");
    }

    @Test
    void theServiceReportsItsHealthAndMetrics() {
        Reply liveness = api.get("/actuator/health/liveness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asString()).isEqualTo("UP");

        Reply readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.json().path("components");
        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("model").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("model").path("details").path("device").asString())
                .isEqualTo("cpu");

        Reply health = api.get("/actuator/health", null);
        assertThat(health.json()
                        .path("components")
                        .path("rateLimit")
                        .path("details")
                        .path("backend")
                        .asString())
                .isEqualTo("redis");

        api.postJson("/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));
        Reply metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("attest_summaries_total", "attest_rate_limit_requests_total", "jvm_memory_used_bytes");
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestEnvironment.INPUT_HMAC_KEY, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
