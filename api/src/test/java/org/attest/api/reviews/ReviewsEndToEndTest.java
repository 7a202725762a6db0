package org.attest.api.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.attest.api.ApiClient;
import org.attest.api.ApiClient.Reply;
import org.attest.api.ClinicalNotes;
import org.attest.api.TestEnvironment;
import org.attest.api.callbacks.TestCallbackSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The review API end to end with real tokens, the real model and the real PostgreSQL: a held summary is claimed and
 * approved, edited or rejected; the consumer sees each outcome and is called back, signed, after a failed attempt;
 * every decision is an audit row bound to the prediction; refusals are problems.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "attest.release.threshold-override=1.0",
            "attest.release.qa-sample-rate=0",
            "attest.review.rejection-warning-min-decisions=1",
            "attest.callbacks.poll-interval=100ms",
            "attest.callbacks.initial-backoff=100ms",
            // the receiver listens on this machine
            "attest.callbacks.allow-private-targets=true"
        })
class ReviewsEndToEndTest {

    static CallbackReceiver receiver;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry);
    }

    @BeforeAll
    static void receiver() throws Exception {
        receiver = new CallbackReceiver(1);
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    ApiClient api;
    String consumer;
    String clinician;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        consumer = api.token("demo-consumer");
        clinician = api.token("demo-clinician");
    }

    @Test
    void approveEditAndRejectReachTheConsumerTheAuditTrailAndTheCallback() throws Exception {
        Reply registered = put("/v1/callbacks", consumer, "{\"url\":\"" + receiver.url() + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String secret = registered.json().path("signingSecret").asString();
        String stored = jdbc.queryForObject(
                "SELECT signing_secret FROM client_callback WHERE client_id = 'demo-consumer'", String.class);
        assertThat(stored).as("sealed at rest").startsWith("sealed:v1:k1:").doesNotContain(secret);
        for (int i = 0; i < 3; i++) {
            Reply held = api.postJson("/v1/summaries", consumer, ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));
            assertThat(held.status()).isEqualTo(202);
        }

        clinicianSeesRedactedItemsAndMustClaimFirst();

        JsonNode approved = decideNext("approve", "");
        JsonNode edited =
                decideNext("edit", "{\"text\":\"Unstable angina; admitted to cardiology.\",\"reason\":\"OMISSION\"}");
        JsonNode rejected = decideNext("reject", "{\"reason\":\"FACTUAL_ERROR\"}");

        consumerSeesEachOutcome(approved, edited, rejected);

        Reply again = api.post(
                "/v1/reviews/" + approved.path("id").asString() + "/approve", clinician, "application/json", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("refusal").asString()).isEqualTo("ALREADY_DECIDED");

        decisionIsAuditedBoundToThePrediction(edited.path("summaryId").asString());

        callbacksAreSignedAndRetried(secret, rejected.path("summaryId").asString());
        assertThat(api.get("/actuator/prometheus", null).body())
                .as("raised by the decisions themselves, before anyone reads the statistics")
                .contains("attest_review_rejection_warning{model_version=\"clinical-summarizer-extractive:1\"} 1.0")
                .contains("attest_review_rejection_rate{model_version=\"clinical-summarizer-extractive:1\"} 0.333");
        JsonNode stats = api.get("/v1/reviews/stats", clinician).json().get(0);
        assertThat(stats.path("modelVersion").asString()).isEqualTo("clinical-summarizer-extractive:1");
        assertThat(stats.path("decided").asLong()).isEqualTo(3);
        assertThat(stats.path("rejectionRate").asDouble()).isEqualTo(1 / 3.0);
        assertThat(stats.path("reasons").path("OMISSION").asLong()).isEqualTo(1);
        assertThat(stats.path("rejectionWarning").asBoolean()).isTrue();
    }

    @Test
    void refusalsAreProblems() {
        assertThat(api.get("/v1/reviews", consumer).status()).isEqualTo(403);
        assertThat(api.get("/v1/reviews", null).status()).isEqualTo(401);
        Reply badStatus = api.get("/v1/reviews?status=LOST", clinician);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().path("type").asString()).isEqualTo("urn:attest:problem:invalid-parameter");
        assertThat(api.get("/v1/reviews?size=0", clinician).status()).isEqualTo(400);
        assertThat(api.get("/v1/reviews/" + java.util.UUID.randomUUID(), clinician)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/v1/reviews/not-an-id", clinician).status()).isEqualTo(404);
        Reply unknownReason = api.post(
                "/v1/reviews/" + java.util.UUID.randomUUID() + "/reject",
                clinician,
                "application/json",
                "{\"reason\":\"BECAUSE\"}");
        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(unknownReason.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aSecretStoredInPlainTextByAnEarlierReleaseIsResealedAndStillSigns() {
        String legacy = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        jdbc.update(
                "INSERT INTO client_callback (client_id, url, signing_secret, registered_at) VALUES (?, ?, ?, now())"
                        + " ON CONFLICT (client_id) DO UPDATE SET signing_secret = EXCLUDED.signing_secret",
                "legacy-client",
                "https://receiver.example.org/hook",
                legacy);

        assertThat(TestCallbackSecrets.resealAll(context)).isGreaterThanOrEqualTo(1);

        String stored = jdbc.queryForObject(
                "SELECT signing_secret FROM client_callback WHERE client_id = 'legacy-client'", String.class);
        assertThat(stored).startsWith("sealed:v1:k1:").doesNotContain(legacy);
        assertThat(TestCallbackSecrets.open(context, "legacy-client", stored)).isEqualTo(legacy);
        assertThat(TestCallbackSecrets.resealAll(context))
                .as("nothing left to reseal")
                .isZero();
        jdbc.update("DELETE FROM client_callback WHERE client_id = 'legacy-client'");
    }

    private void consumerSeesEachOutcome(JsonNode approved, JsonNode edited, JsonNode rejected) {
        JsonNode seenApproved = summary(approved.path("summaryId").asString());
        assertThat(seenApproved.path("status").asString()).isEqualTo("RELEASED");
        assertThat(seenApproved.path("summary").asString())
                .isEqualTo(approved.path("draft").asString());
        assertThat(seenApproved.path("reviewOutcome").asString()).isEqualTo("APPROVED");
        assertThat(seenApproved.path("decidedBy").asString())
                .startsWith("reviewer-")
                .doesNotContain("demo-clinician");
        assertThat(Instant.parse(seenApproved.path("decidedAt").asString())).isBeforeOrEqualTo(Instant.now());
        JsonNode seenEdited = summary(edited.path("summaryId").asString());
        assertThat(seenEdited.path("summary").asString()).isEqualTo("Unstable angina; admitted to cardiology.");
        assertThat(seenEdited.path("reviewOutcome").asString()).isEqualTo("EDITED");
        assertThat(seenEdited.path("decidedBy").asString())
                .isEqualTo(seenApproved.path("decidedBy").asString());
        JsonNode seenRejected = summary(rejected.path("summaryId").asString());
        assertThat(seenRejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(seenRejected.path("summary").isNull()).isTrue();
    }

    private void clinicianSeesRedactedItemsAndMustClaimFirst() {
        Reply queue = api.get("/v1/reviews?status=PENDING", clinician);
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat(queue.json().path("items")).hasSize(3);
        ClinicalNotes.PLANTED_PHI.forEach(phi -> assertThat(queue.body()).doesNotContain(phi));
        JsonNode first = queue.json().path("items").get(0);
        assertThat(first.path("redactedSource").asString()).contains("chest pain");
        assertThat(first.path("rulesFired").get(0).asString()).isEqualTo("below-confidence-threshold");
        String firstId = first.path("id").asString();
        assertThat(api.get("/v1/reviews/" + firstId, clinician)
                        .json()
                        .path("draft")
                        .asString())
                .isEqualTo(first.path("draft").asString());

        Reply unclaimed = api.post("/v1/reviews/" + firstId + "/approve", clinician, "application/json", "");
        assertThat(unclaimed.status()).isEqualTo(409);
        assertThat(unclaimed.json().path("type").asString()).isEqualTo("urn:attest:problem:review-conflict");
        assertThat(unclaimed.json().path("refusal").asString()).isEqualTo("NOT_CLAIMED_BY_YOU");
    }

    private void decisionIsAuditedBoundToThePrediction(String summaryId) {
        Map<String, Object> audit = jdbc.queryForMap(
                "SELECT * FROM audit_event WHERE event_type = 'REVIEW_EDITED' AND subject_id = ?", summaryId);
        Map<String, Object> prediction = jdbc.queryForMap(
                "SELECT * FROM audit_event WHERE event_type = 'PREDICTION_QUEUED_FOR_REVIEW' AND subject_id = ?",
                summaryId);
        for (String bound : List.of("model_name", "model_version", "model_sha256", "redaction_policy_version")) {
            assertThat(audit.get(bound)).as(bound).isNotNull().isEqualTo(prediction.get(bound));
        }
        assertThat(audit)
                .containsEntry("actor_subject", "demo-clinician")
                .containsEntry("actor_issuer", "http://localhost:" + port)
                .containsEntry("decision", "EDITED")
                .containsEntry("output", "Unstable angina; admitted to cardiology.")
                .containsEntry("rule", "below-confidence-threshold;reason=OMISSION");
    }

    private void callbacksAreSignedAndRetried(String secret, String rejectedSummary) throws InterruptedException {
        awaitCallbacks(3);
        for (CallbackReceiver.Received call : receiver.accepted()) {
            assertThat(call.body()).matches("\\{\"id\":\"[0-9a-f-]{36}\",\"status\":\"(RELEASED|REJECTED)\"}");
            String t = call.signature().substring(2, call.signature().indexOf(','));
            assertThat(call.signature())
                    .endsWith(",v1=" + org.attest.api.callbacks.TestSignatures.hmac(secret, t + "." + call.body()));
        }
        assertThat(receiver.received)
                .hasSize(4)
                .first()
                .satisfies(r -> assertThat(r.answered()).isEqualTo(500));
        assertThat(receiver.accepted())
                .extracting(CallbackReceiver.Received::body)
                .anySatisfy(body -> assertThat(body).contains(rejectedSummary, "REJECTED"));
    }

    private JsonNode decideNext(String action, String body) {
        Reply next = api.post("/v1/reviews/next", clinician, "application/json", "");
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().path("claimedByYou").asBoolean()).isTrue();
        Reply decided = api.post(
                "/v1/reviews/" + next.json().path("id").asString() + "/" + action, clinician, "application/json", body);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return decided.json();
    }

    private JsonNode summary(String id) {
        Reply reply = api.get("/v1/summaries/" + id, consumer);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private Reply put(String path, String token, String json) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                    .build();
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCallbacks(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (receiver.accepted().size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(receiver.accepted()).hasSize(count);
    }
}
