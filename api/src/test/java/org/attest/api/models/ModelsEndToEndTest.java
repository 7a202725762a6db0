package org.attest.api.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attest.api.models.ExternalRegistry.MODEL;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attest.api.ApiClient;
import org.attest.api.ApiClient.Reply;
import org.attest.api.ClinicalNotes;
import org.attest.api.TestEnvironment;
import org.attest.serving.ModelPromoted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/models} through HTTP with real tokens, on the shipped version 1 plus an external registry holding a good
 * version 2 and a version 3 whose encoder hash is wrong: list, show, card, promote, rollback, their 403/404/409, the
 * stored alias, its history and audit rows, the card hash in prediction rows, and another replica's move followed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "attest.release.threshold-override=0.0",
            "attest.release.qa-sample-rate=0",
            "attest.models.alias-poll-interval=1h"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelsEndToEndTest {

    static final ExternalRegistry REGISTRY =
            new ExternalRegistry().withCopy("2").withWrongHash("3");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry);
        registry.add("attest.serving.registry-dir", () -> REGISTRY.directory().toString());
    }

    @TestConfiguration
    static class Events {
        final List<ModelPromoted> promoted = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ModelPromoted event) {
            promoted.add(event);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AliasSynchronizer synchronizer;

    @Autowired
    Events events;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private Reply promote(String name, String token, String body) {
        return api.postJson("/v1/models/" + name + "/promote", token, body);
    }

    /** As the README's curl does it: POST with neither a body nor a content type. */
    private Reply rollbackWithoutBody(String name, String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/models/" + name + "/rollback"))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().map(), response.body());
    }

    private String summarizedVersion() {
        Reply reply = api.postJson(
                "/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("modelVersion").asString();
    }

    @Test
    @Order(1)
    void listsEveryVersionWithItsStateAndTheAliasTargets() {
        Reply reply = api.get("/v1/models", api.token("demo-irb"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode model = reply.json().path("models").get(0);
        assertThat(model.path("name").asString()).isEqualTo(MODEL);
        JsonNode versions = model.path("versions");
        assertThat(versions.get(0).path("state").asString()).isEqualTo("READY");
        assertThat(versions.get(0).path("aliases").get(0).asString()).isEqualTo("summarizer");
        assertThat(versions.get(0).path("device").asString()).isEqualTo("cpu");
        assertThat(versions.get(1).path("state").asString()).isEqualTo("PENDING");
        assertThat(versions.get(2).path("state").asString()).isEqualTo("FAILED");
        assertThat(versions.get(2).path("failureReason").asString())
                .contains(
                        "SHA-256", "all-minilm-l6-v2.onnx", REGISTRY.directory().toString());
        // The phi-ner alias is listed too; this test is about the summarizer's.
        JsonNode alias = null;
        for (JsonNode candidate : reply.json().path("aliases")) {
            alias = candidate.path("alias").asString().equals("summarizer") ? candidate : alias;
        }
        assertThat(alias.path("alias").asString()).isEqualTo("summarizer");
        assertThat(alias.path("version").asString()).isEqualTo("1");
        assertThat(alias.path("state").asString()).isEqualTo("READY");

        Reply byAlias = api.get("/v1/models/summarizer", api.token("demo-consumer"));
        assertThat(byAlias.status()).isEqualTo(200);
        assertThat(byAlias.json().path("name").asString()).isEqualTo(MODEL);
        assertThat(byAlias.json().path("versions").size()).isEqualTo(3);
        assertThat(api.get("/v1/models/" + MODEL, api.token("demo-irb")).json()).isEqualTo(byAlias.json());
        assertThat(api.get("/v1/models", null).status()).isEqualTo(401);
        assertThat(api.get("/v1/models/no-such-model", api.token("demo-irb")).status())
                .isEqualTo(404);

        Map<String, Object> stored = jdbc.queryForMap("SELECT * FROM model_alias WHERE alias = 'summarizer'");
        assertThat(stored.get("model_version")).isEqualTo("1");
        assertThat(jdbc.queryForObject(
                        "SELECT action FROM model_alias_history WHERE alias = 'summarizer' AND revision = 1",
                        String.class))
                .isEqualTo("INITIAL");
    }

    @Test
    @Order(2)
    void servesTheModelCardAsMarkdownWithItsHash() throws Exception {
        Reply card = api.get("/v1/models/summarizer/card", api.token("demo-irb"));

        assertThat(card.status()).as(card.body()).isEqualTo(200);
        assertThat(card.header("Content-Type")).startsWith("text/markdown");
        assertThat(card.body()).startsWith("---\nmodel: " + MODEL).contains("confidence-threshold: 0.5");
        assertThat(card.header("X-Model-Card-SHA256")).isEqualTo(ExternalRegistry.cardSha256("1"));

        Reply second = api.get("/v1/models/" + MODEL + "/card?version=2", api.token("demo-irb"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("version: \"2\"");
        assertThat(api.get("/v1/models/" + MODEL + "/card?version=9", api.token("demo-irb"))
                        .status())
                .isEqualTo(404);
        Reply missing = api.get("/v1/models/nothing/card", api.token("demo-irb"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asString()).isEqualTo("urn:attest:problem:not-found");
    }

    @Test
    @Order(3)
    void refusesPromotionsWithoutTheAdminScopeOrToAnUnknownOrFailedVersion() {
        String version2 = "{\"version\": \"2\"}";
        assertThat(promote("summarizer", api.token("demo-irb"), version2).status())
                .isEqualTo(403);
        assertThat(promote("summarizer", api.token("demo-consumer"), version2).status())
                .isEqualTo(403);

        Reply unknown = promote("summarizer", api.token("demo-admin"), "{\"version\": \"9\"}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString()).isEqualTo("urn:attest:problem:not-found");
        assertThat(promote("no-such-model", api.token("demo-admin"), version2).status())
                .isEqualTo(404);

        Reply failed = promote(MODEL, api.token("demo-admin"), "{\"version\": \"3\"}");
        assertThat(failed.status()).as(failed.body()).isEqualTo(409);
        assertThat(failed.json().path("type").asString()).isEqualTo("urn:attest:problem:model-conflict");
        assertThat(failed.json().path("reason").asString()).contains(MODEL + ":3 is FAILED", "SHA-256");

        Reply noHistory = api.postJson("/v1/models/summarizer/rollback", api.token("demo-admin"), "{}");
        assertThat(noHistory.status()).as(noHistory.body()).isEqualTo(409);
        assertThat(noHistory.json().path("reason").asString()).contains("nothing to roll back to");

        assertThat(promote("summarizer", api.token("demo-admin"), "{\"version\": \"\"}")
                        .status())
                .isEqualTo(422);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM model_alias_history WHERE alias = 'summarizer'", Integer.class))
                .isEqualTo(1);
        assertThat(summarizedVersion()).isEqualTo(MODEL + ":1");
    }

    @Test
    @Order(4)
    void promotesAndRollsBackAuditedAndNewRequestsFollow() throws Exception {
        Reply promoted = promote("summarizer", api.token("demo-admin"), "{\"version\": \"2\"}");

        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().path("previous").asString()).isEqualTo(MODEL + ":1");
        assertThat(promoted.json().path("changed").asBoolean()).isTrue();
        Map<String, Object> audit =
                jdbc.queryForMap("SELECT * FROM audit_event WHERE request_id = ?", promoted.header("X-Request-Id"));
        assertThat(audit.get("event_type")).isEqualTo("MODEL_PROMOTED");
        assertThat(audit.get("actor_subject")).isEqualTo("demo-admin");
        assertThat(audit.get("subject_id")).isEqualTo("summarizer");
        assertThat(audit.get("model_version")).isEqualTo("2");
        assertThat(audit.get("model_sha256")).isEqualTo(ExternalRegistry.SHIPPED_SHA);
        assertThat(audit.get("model_card_hash")).isEqualTo(ExternalRegistry.cardSha256("2"));
        assertThat(audit.get("rule")).isEqualTo("from " + MODEL + ":1");
        assertThat(events.promoted).containsExactly(new ModelPromoted("summarizer", MODEL, "2"));

        Reply prediction = api.postJson(
                "/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));
        assertThat(prediction.json().path("modelVersion").asString()).isEqualTo(MODEL + ":2");
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT * FROM audit_event WHERE request_id = ?",
                prediction.json().path("requestId").asString());
        assertThat(row.get("model_card_hash")).isEqualTo(ExternalRegistry.cardSha256("2"));
        assertThat(row.get("model_sha256")).isEqualTo(ExternalRegistry.SHIPPED_SHA);

        Reply again = promote("summarizer", api.token("demo-admin"), "{\"version\": \"2\"}");
        assertThat(again.json().path("changed").asBoolean())
                .as("already there: nothing moves")
                .isFalse();

        Reply rolledBack = rollbackWithoutBody(MODEL, api.token("demo-admin"));
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        assertThat(rolledBack.json().path("version").asString()).isEqualTo("1");
        assertThat(jdbc.queryForObject(
                        "SELECT event_type FROM audit_event WHERE request_id = ?",
                        String.class,
                        rolledBack.header("X-Request-Id")))
                .isEqualTo("MODEL_ROLLED_BACK");
        assertThat(summarizedVersion()).isEqualTo(MODEL + ":1");
        assertThat(jdbc.queryForList(
                        "SELECT action FROM model_alias_history WHERE alias = 'summarizer' ORDER BY revision",
                        String.class))
                .containsExactly("INITIAL", "PROMOTE", "ROLLBACK");
        assertThat(events.promoted).last().isEqualTo(new ModelPromoted("summarizer", MODEL, "1"));
        JsonNode versions =
                api.get("/v1/models/summarizer", api.token("demo-irb")).json().path("versions");
        assertThat(versions.get(1).path("state").asString())
                .as("unloaded again")
                .isEqualTo("PENDING");
    }

    @Test
    @Order(5)
    void followsAMoveStoredByAnotherReplica() {
        jdbc.update("UPDATE model_alias SET model_version = '2', previous_model_name = model_name,"
                + " previous_model_version = model_version, revision = revision + 1 WHERE alias = 'summarizer'");

        synchronizer.synchronize();

        assertThat(summarizedVersion()).isEqualTo(MODEL + ":2");
        jdbc.update("UPDATE model_alias SET model_version = '1', revision = revision + 1 WHERE alias = 'summarizer'");
        synchronizer.synchronize();
        assertThat(summarizedVersion()).isEqualTo(MODEL + ":1");
    }
}
