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

/**
 * Promotion puts the new version on probation: the version served from the first start releases on its own, the
 * promoted one sends everything to a clinician (its review item bound to the new card's hash) until clinicians have
 * agreed with it on its last N items, and then releases on its own again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "attest.release.threshold-override=0.0",
            "attest.release.qa-sample-rate=0",
            "attest.review.probation.window-items=1",
            "attest.review.probation.required-agreement=1.0"
        })
class PromotionProbationEndToEndTest {

    static final ExternalRegistry REGISTRY = new ExternalRegistry().withCopy("2");

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
    void aPromotedVersionIsReviewedInFullUntilCliniciansAgreeWithIt() throws Exception {
        ApiClient api = new ApiClient(port);
        assertThat(summarize(api).status())
                .as("the first-start version is not on probation")
                .isEqualTo(201);

        Reply promoted = api.postJson("/v1/models/summarizer/promote", api.token("demo-admin"), "{\"version\": \"2\"}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);

        Reply held = summarize(api);
        assertThat(held.status()).isEqualTo(202);
        assertThat(held.json().path("modelVersion").asString()).isEqualTo(MODEL + ":2");
        assertThat(held.json().path("reviewReason").asString()).isEqualTo("probation");
        Map<String, Object> item = jdbc.queryForMap(
                "SELECT * FROM review_item WHERE summary_id = ?::uuid",
                held.json().path("id").asString());
        assertThat(item.get("model_card_hash")).isEqualTo(ExternalRegistry.cardSha256("2"));

        String clinician = api.token("demo-clinician");
        String itemId = api.post("/v1/reviews/next", clinician, "application/json", "")
                .json()
                .path("id")
                .asString();
        assertThat(api.post("/v1/reviews/" + itemId + "/approve", clinician, "application/json", "")
                        .status())
                .isEqualTo(200);
        Map<String, Object> decision = jdbc.queryForMap(
                "SELECT * FROM audit_event WHERE event_type = 'REVIEW_APPROVED' AND subject_id = ?",
                held.json().path("id").asString());
        assertThat(decision.get("model_card_hash")).isEqualTo(ExternalRegistry.cardSha256("2"));

        assertThat(summarize(api).status())
                .as("agreement reached: probation over")
                .isEqualTo(201);
    }

    private static Reply summarize(ApiClient api) {
        return api.postJson(
                "/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));
    }
}
