package org.attest.api.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.attest.api.ApiClient;
import org.attest.api.ApiClient.Reply;
import org.attest.api.ClinicalNotes;
import org.attest.api.TestEnvironment;
import org.attest.api.audit.Csv;
import org.attest.testing.KServeV2TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The {@code summarizer} alias on a version whose encoder runs on a remote KServe v2 server — the in-test endpoint,
 * serving the shipped MiniLM — through HTTP with real tokens: the prediction's audit row, the review decisions bound
 * to it, the audit events as JSON and CSV, and the chain all carry the {@code model_version} the server answered
 * that prediction with.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // everything to review, so that the decisions bound to the prediction are recorded too
            "attest.release.threshold-override=1.0",
            "attest.release.qa-sample-rate=0",
            "attest.serving.aliases.summarizer=" + KServeSummarizerEndToEndTest.REMOTE + ":1",
            "attest.serving.kserve.endpoints." + KServeSummarizerEndToEndTest.REMOTE + ".model="
                    + KServeV2TestServer.MODEL
        })
class KServeSummarizerEndToEndTest {

    static final String REMOTE = "clinical-summarizer-remote";
    static final ExternalRegistry REGISTRY = new ExternalRegistry().withRemote(REMOTE, "1");

    static KServeV2TestServer server;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws Exception {
        TestEnvironment.register(registry);
        server = new KServeV2TestServer(new ClassPathResource("all-minilm-l6-v2.onnx").getContentAsByteArray());
        registry.add("attest.serving.registry-dir", () -> REGISTRY.directory().toString());
        registry.add(
                "attest.serving.kserve.endpoints." + REMOTE + ".url",
                () -> server.url().toString());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRemoteModelVersionOfEachPredictionIsAuditedWithItAndItsDecisions() {
        ApiClient api = new ApiClient(port);
        String consumer = api.token("demo-consumer");
        String compliance = api.token("demo-compliance");

        Reply first = api.postJson("/v1/summaries", consumer, ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));
        server.answerAs("4");
        Reply second = api.postJson("/v1/summaries", consumer, ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));
        server.answerAs(KServeV2TestServer.VERSION);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().path("modelVersion").asString()).isEqualTo(REMOTE + ":1");
        assertThat(first.json().path("degraded").asBoolean()).isFalse();
        String requestId = first.json().path("requestId").asString();
        Map<String, Object> prediction = jdbc.queryForMap("SELECT * FROM audit_event WHERE request_id = ?", requestId);
        assertThat(prediction)
                .containsEntry("event_type", "PREDICTION_QUEUED_FOR_REVIEW")
                .containsEntry("model_name", REMOTE)
                .containsEntry("model_version", "1")
                .containsEntry("model_served_version", KServeV2TestServer.VERSION);
        assertThat(jdbc.queryForObject(
                        "SELECT model_served_version FROM audit_event WHERE request_id = ?",
                        String.class,
                        second.json().path("requestId").asString()))
                .as("each prediction records the version that answered its own calls")
                .isEqualTo("4");

        String summaryId = first.json().path("id").asString();
        decide(api, summaryId);
        assertThat(jdbc.queryForList(
                        "SELECT event_type || ' ' || model_served_version FROM audit_event WHERE subject_id = ?"
                                + " ORDER BY seq",
                        String.class,
                        summaryId))
                .containsExactly("PREDICTION_QUEUED_FOR_REVIEW 3", "REVIEW_CLAIMED 3", "REVIEW_APPROVED 3");

        JsonNode event = api.get("/v1/audit/events?requestId=" + requestId, compliance)
                .json()
                .path("events")
                .get(0);
        assertThat(event.path("modelName").asString()).isEqualTo(REMOTE);
        assertThat(event.path("modelServedVersion").asString()).isEqualTo(KServeV2TestServer.VERSION);
        List<List<String>> csv =
                Csv.parse(api.get("/v1/audit/events?requestId=" + requestId, compliance, Map.of("Accept", "text/csv"))
                        .body());
        int column = csv.getFirst().indexOf("model_served_version");
        assertThat(column).isEqualTo(csv.getFirst().indexOf("model_card_hash") + 1);
        assertThat(csv.get(1).get(column)).isEqualTo(KServeV2TestServer.VERSION);
        Reply verified = api.get("/v1/audit/verify", compliance);
        assertThat(verified.json().path("intact").asBoolean())
                .as(verified.body())
                .isTrue();
    }

    /** A clinician claims the held summary and approves it. */
    private static void decide(ApiClient api, String summaryId) {
        String clinician = api.token("demo-clinician");
        JsonNode items = api.get("/v1/reviews?status=PENDING", clinician).json().path("items");
        String itemId = null;
        for (JsonNode item : items) {
            itemId = item.path("summaryId").asString().equals(summaryId)
                    ? item.path("id").asString()
                    : itemId;
        }
        assertThat(itemId).as(items.toString()).isNotNull();
        assertThat(api.post("/v1/reviews/" + itemId + "/claim", clinician, "application/json", "")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/v1/reviews/" + itemId + "/approve", clinician, "application/json", "")
                        .status())
                .isEqualTo(200);
    }
}
