package org.attest.api.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.api.ApiClient.Reply;
import org.attest.api.ReleasingApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/redact/batch} on the running application with the shipped phi-ner model. */
@ExtendWith(OutputCaptureExtension.class)
class RedactBatchEndpointTest extends ReleasingApplicationTest {

    private static final String CANARY = "Quxbertha Zzyzwick";

    @Test
    void redactsEveryTextInOrderUnderOnePolicyWithoutReturningOrLoggingPhi(CapturedOutput output) {
        String body = "{\"texts\": [\"Patient " + CANARY + " was seen on 3/4/21.\", \"BP 120/80, no PHI here.\","
                + " \"Call Dr. " + CANARY + " at 555-234-5678.\"]}";

        Reply reply = api.postJson("/v1/redact/batch", api.token("demo-consumer"), body);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.path("policyVersion").asString()).isEqualTo("safe-harbor/4+phi-ner:2");
        assertThat(json.path("results")).hasSize(3);
        assertThat(json.path("results").get(0).path("redactedText").asString())
                .doesNotContain("Quxbertha", "Zzyzwick", "3/4/21");
        assertThat(json.path("results").get(1).path("redactedText").asString()).isEqualTo("BP 120/80, no PHI here.");
        assertThat(json.path("results").get(1).path("entities")).isEmpty();
        assertThat(json.path("results")
                        .get(2)
                        .path("entities")
                        .get(0)
                        .path("detector")
                        .asString())
                .isNotBlank();
        assertThat(reply.body()).doesNotContain("Quxbertha", "Zzyzwick", "555-234-5678");
        assertThat(output.getAll()).doesNotContain("Quxbertha", "Zzyzwick");
    }

    @Test
    void emptyBlankOrOversizedBatchesAreRefused() {
        String token = api.token("demo-consumer");
        assertThat(api.postJson("/v1/redact/batch", token, "{\"texts\": []}").status())
                .isEqualTo(422);
        assertThat(api.postJson("/v1/redact/batch", token, "{\"texts\": [\"ok\", \" \"]}")
                        .status())
                .isEqualTo(422);
        String many = "{\"texts\": [" + "\"a\",".repeat(64) + "\"a\"]}";
        assertThat(api.postJson("/v1/redact/batch", token, many).status()).isEqualTo(422);
        String big = "\"" + "a".repeat(10_001) + "\"";
        assertThat(api.postJson("/v1/redact/batch", token, "{\"texts\": [" + big + "," + big + "]}")
                        .status())
                .isEqualTo(413);
        assertThat(api.postJson("/v1/redact/batch", api.token("demo-irb"), "{\"texts\": [\"a\"]}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void healthSaysThatTheNerModelTakesPart() {
        Reply health = api.get("/actuator/health/readiness", null);

        assertThat(health.body()).contains("\"redaction\"", "phi-ner:2");
    }
}
