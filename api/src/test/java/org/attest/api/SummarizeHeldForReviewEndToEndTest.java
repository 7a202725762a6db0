package org.attest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.attest.api.ApiClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The other side of the release gate, with the operator's incident-mode override (threshold 1.0): every summary
 * waits for a clinician, is withheld from the consumer, and is queued and audited in the same transaction. The
 * rate limit is small here so that its 429 can be shown.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "attest.release.threshold-override=1.0",
            "attest.release.qa-sample-rate=0",
            "attest.rate-limit.requests-per-minute=5"
        })
class SummarizeHeldForReviewEndToEndTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry);
        registry.add("attest.security.embedded-issuer.clients.burst-consumer", () -> "redact");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aSummaryBelowTheThresholdWaitsForReviewAndIsWithheld() {
        Reply reply = api.postJson(
                "/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        JsonNode body = reply.json();
        String id = body.path("id").asString();
        assertThat(reply.header("Location")).isEqualTo("/v1/summaries/" + id);
        assertThat(body.path("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(body.path("summary").isNull()).isTrue();
        assertThat(body.path("reviewReason").asString()).contains("below-confidence-threshold");
        assertThat(body.path("modelVersion").asString()).isEqualTo("clinical-summarizer-extractive:1");

        Map<String, Object> item = jdbc.queryForMap("SELECT * FROM review_item WHERE summary_id = ?::uuid", id);
        assertThat(item.get("status")).isEqualTo("PENDING");
        assertThat((String) item.get("reason")).contains("below-confidence-threshold");
        assertThat(item.get("model_version")).isEqualTo("clinical-summarizer-extractive:1");

        Map<String, Object> audit = jdbc.queryForMap(
                "SELECT * FROM audit_event WHERE request_id = ?",
                body.path("requestId").asString());
        assertThat(audit.get("event_type")).isEqualTo("PREDICTION_QUEUED_FOR_REVIEW");
        assertThat(audit.get("decision")).isEqualTo("PENDING_REVIEW");
        assertThat((String) audit.get("rule")).contains("below-confidence-threshold");

        Reply polled = api.get("/v1/summaries/" + id, api.token("demo-consumer"));
        assertThat(polled.status()).isEqualTo(200);
        assertThat(polled.json().path("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(polled.json().path("summary").isNull()).isTrue();
    }

    @Test
    void theOverrideIsAuditedAtStartup() {
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE event_type = 'RELEASE_POLICY_OVERRIDDEN'",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterWhileOthersGoOn() {
        String burst = api.token("burst-consumer");
        for (int i = 0; i < 5; i++) {
            Reply allowed = api.postJson("/v1/redact", burst, ApiClient.textBody("chest pain"));
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("RateLimit")).startsWith("\"default\";r=" + (4 - i) + ";t=");
        }
        Reply refused = api.postJson("/v1/redact", burst, ApiClient.textBody("chest pain"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:attest:problem:rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"default\";q=5;w=60");
        assertThat(refused.header("RateLimit")).startsWith("\"default\";r=0;");

        assertThat(api.postJson("/v1/redact", api.token("demo-consumer"), ApiClient.textBody("chest pain"))
                        .status())
                .isEqualTo(200);
    }
}
