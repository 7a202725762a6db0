package org.attest.api.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attest.api.models.ExternalRegistry.MODEL;

import java.util.Map;
import org.attest.api.ApiClient;
import org.attest.api.ApiClient.Reply;
import org.attest.api.ClinicalNotes;
import org.attest.api.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A broken external registry: the {@code summarizer} alias starts on a version whose encoder does not match its
 * SHA-256. The service stays live, readiness says DEGRADED (HTTP 200), and every prediction comes from the fallback,
 * marked degraded and held for review even with the release threshold at 0; promoting a good version ends it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "attest.release.threshold-override=0.0",
            "attest.release.qa-sample-rate=0",
            "attest.serving.aliases.summarizer=clinical-summarizer-extractive:2",
            // the promoted version's probation (all to review) is shown in PromotionProbationEndToEndTest
            "attest.review.probation.on-promotion=false"
        })
class DegradedModelEndToEndTest {

    static final ExternalRegistry REGISTRY = new ExternalRegistry().withWrongHash("2");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry);
        registry.add("attest.serving.registry-dir", () -> REGISTRY.directory().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTargetThatCannotLoadDegradesTheServiceUntilAGoodVersionIsPromoted() throws Exception {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/actuator/health/liveness", null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        Reply readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("DEGRADED");
        JsonNode model = readiness.json().path("components").path("model");
        assertThat(model.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(model.path("details").path("model").asString()).isEqualTo(MODEL + ":2");
        assertThat(model.path("details").path("reason").asString()).contains("SHA-256");

        Reply held = api.postJson(
                "/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));

        assertThat(held.status()).as(held.body()).isEqualTo(202);
        JsonNode body = held.json();
        assertThat(body.path("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(body.path("degraded").asBoolean()).isTrue();
        assertThat(body.path("summary").isNull()).isTrue();
        assertThat(body.path("confidence").asDouble()).isZero();
        assertThat(body.path("modelVersion").asString()).isEqualTo(MODEL + ":2");
        assertThat(body.path("reviewReason").asString()).contains("degraded-model");
        Map<String, Object> item = jdbc.queryForMap(
                "SELECT * FROM review_item WHERE summary_id = ?::uuid",
                body.path("id").asString());
        assertThat(item.get("status")).isEqualTo("PENDING");
        Map<String, Object> audit = jdbc.queryForMap(
                "SELECT * FROM audit_event WHERE request_id = ?",
                body.path("requestId").asString());
        assertThat(audit.get("event_type")).isEqualTo("PREDICTION_QUEUED_FOR_REVIEW");
        assertThat((String) audit.get("rule")).contains("degraded-model");
        assertThat(audit.get("model_version")).isEqualTo("2");
        assertThat(audit.get("model_card_hash")).isEqualTo(ExternalRegistry.cardSha256("2"));

        Reply promoted = api.postJson("/v1/models/summarizer/promote", api.token("demo-admin"), "{\"version\": \"1\"}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);

        assertThat(api.get("/actuator/health/readiness", null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        Reply released = api.postJson(
                "/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));
        assertThat(released.status()).as(released.body()).isEqualTo(201);
        assertThat(released.json().path("degraded").asBoolean()).isFalse();
        assertThat(released.json().path("modelVersion").asString()).isEqualTo(MODEL + ":1");
        Reply stillHeld = api.get("/v1/summaries/" + body.path("id").asString(), api.token("demo-consumer"));
        assertThat(stillHeld.json().path("status").asString()).isEqualTo("PENDING_REVIEW");
    }
}
