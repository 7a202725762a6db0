package org.attest.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attest.api.ApiClient;
import org.attest.api.ApiClient.Reply;
import org.attest.api.ClinicalNotes;
import org.attest.api.ReleasingApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The compliance API on the running application with real tokens: filtered and paged JSON, streamed CSV, the
 * report, verification, lookups and checkpoints — each export audited — and for a token without {@code audit:read}
 * a 403 together with an ACCESS_DENIED event.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditEndpointsTest extends ReleasingApplicationTest {

    @Test
    void eventsComePagedByCursorAndEveryPageIsAudited() {
        List<String> requests = summarize(3);
        String compliance = api.token("demo-compliance");
        String filter = "type=PREDICTION_RELEASED&client=demo-consumer&from="
                + encode(Instant.now().minusSeconds(600));

        Reply first = api.get("/v1/audit/events?" + filter + "&limit=2", compliance);
        List<String> seen = new ArrayList<>(requestIds(first));
        String cursor = first.json().path("nextCursor").asString();
        Reply rest = api.get("/v1/audit/events?" + filter + "&limit=1000&cursor=" + cursor, compliance);
        seen.addAll(requestIds(rest));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(requestIds(first)).hasSize(2);
        assertThat(rest.json().path("nextCursor").isNull()).isTrue();
        assertThat(seen).containsAll(requests).doesNotHaveDuplicates();
        JsonNode event = first.json().path("events").get(0);
        assertThat(event.path("type").asString()).isEqualTo("PREDICTION_RELEASED");
        assertThat(event.path("hash").asString()).matches("[0-9a-f]{64}");
        assertThat(event.path("inputHmacKeyId").asString()).isEqualTo("test-key");
        Map<String, Object> export =
                jdbc.queryForMap("SELECT * FROM audit_event WHERE request_id = ?", first.header("X-Request-Id"));
        assertThat(export)
                .containsEntry("event_type", "AUDIT_EXPORTED")
                .containsEntry("actor_subject", "demo-compliance")
                .containsEntry("decision", "application/json");
        assertThat((String) export.get("subject_id")).startsWith("GET /v1/audit/events?client=demo-consumer&from=");
    }

    @Test
    void csvIsStreamedWithTheTablesColumnsAndEscapedFields() {
        List<String> requests = summarize(2);
        String compliance = api.token("demo-compliance");

        Reply csv =
                api.get("/v1/audit/events?requestId=" + requests.getFirst(), compliance, Map.of("Accept", "text/csv"));

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("audit-events.csv");
        List<List<String>> rows = Csv.parse(csv.body());
        assertThat(rows.getFirst()).isEqualTo(AuditEventsCsv.HEADER);
        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        Map<String, Object> stored =
                jdbc.queryForMap("SELECT * FROM audit_event WHERE request_id = ?", requests.getFirst());
        for (int i = 0; i < AuditEventsCsv.HEADER.size(); i++) {
            String column = AuditEventsCsv.HEADER.get(i);
            if (!column.equals("event_time") && !column.equals("seq")) {
                Object value = stored.get(column);
                assertThat(row.get(i)).as(column).isEqualTo(value == null ? "" : String.valueOf(value));
            }
        }
        assertThat(csv.body()).contains("\r\n");
        assertThat(jdbc.queryForObject(
                        "SELECT decision FROM audit_event WHERE request_id = ?",
                        String.class,
                        csv.header("X-Request-Id")))
                .isEqualTo("text/csv");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/audit/events?bogus=1",
                "/v1/audit/events?from=yesterday",
                "/v1/audit/events?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z",
                "/v1/audit/events?limit=1001",
                "/v1/audit/events?limit=0",
                "/v1/audit/events?type=NOT_A_TYPE",
                "/v1/audit/events?cursor=not*a*cursor",
                "/v1/audit/events?client=a&client=b",
                "/v1/audit/report?from=2026-03-01",
                "/v1/audit/report?from=2026-03-02&to=2026-03-01",
                "/v1/audit/checkpoints?limit=x",
            })
    void badFiltersAreRefusedWith400AndExportNothing(String path) {
        Reply reply = api.get(path, api.token("demo-compliance"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("urn:attest:problem:invalid-parameter");
        assertThat(reply.json().path("errors").get(0).path("parameter").asString())
                .isNotBlank();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE request_id = ?",
                        Integer.class,
                        reply.header("X-Request-Id")))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/audit/events", "/v1/audit/verify", "/v1/audit/report?from=2026-01-01&to=2026-02-01"})
    void aTokenWithoutTheComplianceScopeGets403AndLeavesAnAccessDeniedEvent(String path) {
        Reply refused = api.get(path, api.token("demo-consumer"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:attest:problem:forbidden");
        Map<String, Object> denied = jdbc.queryForMap(
                "SELECT * FROM audit_event WHERE request_id = ?",
                refused.json().path("requestId").asString());
        assertThat(denied)
                .containsEntry("event_type", "ACCESS_DENIED")
                .containsEntry("actor_subject", "demo-consumer")
                .containsEntry("client_id", "demo-consumer")
                .containsEntry("decision", "DENIED");
        assertThat((String) denied.get("subject_id")).startsWith("GET /v1/audit/");
    }

    @Test
    void aLookupWithAForeignTokenIsDeniedAndWithoutATokenUnauthorized() {
        Reply denied = api.postJson("/v1/audit/lookup", api.token("demo-consumer"), ApiClient.textBody("x"));
        Reply anonymous = api.get("/v1/audit/events", null);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE request_id = ?",
                        Integer.class,
                        anonymous.header("X-Request-Id")))
                .isZero();
    }

    @Test
    void theChainVerifiesAndTheVerificationIsAudited() {
        summarize(1);

        Reply reply = api.get("/v1/audit/verify", api.token("demo-compliance"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("intact").asBoolean()).isTrue();
        assertThat(reply.json().path("recordsChecked").asLong()).isPositive();
        assertThat(jdbc.queryForMap("SELECT * FROM audit_event WHERE request_id = ?", reply.header("X-Request-Id")))
                .containsEntry("event_type", "CHAIN_VERIFIED")
                .containsEntry("decision", "INTACT");
    }

    @Test
    void theReportCountsWhatTheTrailHolds() {
        Instant from = Instant.now().minusSeconds(1);
        summarize(2);
        Instant to = Instant.now().plusSeconds(60);

        Reply reply =
                api.get("/v1/audit/report?from=" + encode(from) + "&to=" + encode(to), api.token("demo-compliance"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode report = reply.json();
        long released = jdbc.queryForObject(
                "SELECT count(*) FROM audit_event WHERE event_type = 'PREDICTION_RELEASED' AND event_time >= ?::timestamptz",
                Long.class,
                from.toString());
        assertThat(report.path("predictionsByDecision").path("RELEASED").asLong())
                .isEqualTo(released)
                .isGreaterThanOrEqualTo(2);
        assertThat(report.path("byModelVersion").get(0).path("model").asString())
                .isEqualTo("clinical-summarizer-extractive:1");
        assertThat(report.path("confidenceHistogram")).hasSize(10);
        long binned = 0;
        for (JsonNode bin : report.path("confidenceHistogram")) {
            binned += bin.path("count").asLong();
        }
        assertThat(binned).isEqualTo(released);
        assertThat(report.path("review").path("overrideRate").isNull()).isTrue();
    }

    @Test
    void aLookupSaysWhetherAndWhenATextWasProcessedWithoutLoggingIt(CapturedOutput output) {
        String note = ClinicalNotes.NOTE_WITH_PHI + "\nLookup marker " + System.nanoTime();
        Reply summarized = api.postJson("/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(note));
        String compliance = api.token("demo-compliance");

        Reply found = api.postJson("/v1/audit/lookup", compliance, ApiClient.textBody(note));
        Reply unknown = api.postJson("/v1/audit/lookup", compliance, ApiClient.textBody(note + " (never sent)"));

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("processed").asBoolean()).isTrue();
        assertThat(found.json().path("events").get(0).path("requestId").asString())
                .isEqualTo(summarized.json().path("requestId").asString());
        assertThat(found.json().path("keysChecked").get(0).asString()).isEqualTo("test-key");
        assertThat(unknown.json().path("processed").asBoolean()).isFalse();
        assertThat(found.body()).doesNotContain("Whitfield");
        Map<String, Object> audited =
                jdbc.queryForMap("SELECT * FROM audit_event WHERE request_id = ?", found.header("X-Request-Id"));
        assertThat(audited).containsEntry("event_type", "AUDIT_LOOKED_UP").containsEntry("decision", "FOUND");
        assertThat(audited.get("input_hmac")).isNotNull();
        ClinicalNotes.PLANTED_PHI.forEach(phi -> assertThat(output.getAll()).doesNotContain(phi));
        assertThat(output.getAll()).doesNotContain("Lookup marker");
    }

    @Test
    void aCheckpointIsSignedOnDemandAndListed() {
        String compliance = api.token("demo-compliance");

        Reply signed = api.post("/v1/audit/checkpoints", compliance, "application/json", "");
        Reply listed = api.get("/v1/audit/checkpoints?limit=5", compliance);

        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(signed.json().path("kind").asString()).isEqualTo("ON_DEMAND");
        assertThat(signed.json().path("keyId").asString()).startsWith("ed25519:");
        assertThat(listed.json().get(0).path("id").asLong())
                .isEqualTo(signed.json().path("id").asLong());
    }

    private List<String> summarize(int count) {
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reply reply = api.postJson(
                    "/v1/summaries",
                    api.token("demo-consumer"),
                    ApiClient.textBody(
                            "Patient with cough, fever and chills, treated with amoxicillin, case " + i + "."));
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            requestIds.add(reply.json().path("requestId").asString());
        }
        return requestIds;
    }

    private static List<String> requestIds(Reply reply) {
        List<String> ids = new ArrayList<>();
        reply.json()
                .path("events")
                .forEach(event -> ids.add(event.path("requestId").asString()));
        return ids;
    }

    private static String encode(Instant time) {
        return URLEncoder.encode(time.toString(), StandardCharsets.UTF_8);
    }
}
