package org.attest.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.api.ApiClient;
import org.attest.api.ApiClient.Reply;
import org.attest.api.ReleasingApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Bad requests get a 4xx problem with a stable type, a request id, and never a piece of the input. */
@ExtendWith(OutputCaptureExtension.class)
class HttpErrorsTest extends ReleasingApplicationTest {

    private static final String CANARY = "Jonathan Whitfield";

    @Test
    void malformedJsonIs400WithoutEchoingTheInput(CapturedOutput output) {
        Reply reply = api.postJson("/v1/summaries", token(), "{\"text\": \"" + CANARY + " was seen");

        assertProblem(reply, 400, "malformed-request");
        assertThat(reply.body()).doesNotContain(CANARY);
        assertThat(output.getAll()).doesNotContain(CANARY);
    }

    @Test
    void unknownOrMistypedFieldsAre400() {
        assertProblem(
                api.postJson("/v1/summaries", token(), "{\"text\":\"chest pain\",\"status\":\"RELEASED\"}"),
                400,
                "malformed-request");
        assertProblem(
                api.postJson("/v1/summaries", token(), "{\"text\":[\"" + CANARY + "\"]}"), 400, "malformed-request");
        assertProblem(api.postJson("/v1/summaries", token(), "[]"), 400, "malformed-request");
    }

    @Test
    void emptyBlankOrMissingTextIs422() {
        for (String body : new String[] {"{\"text\":\"\"}", "{\"text\":\"   \\n \"}", "{}", "{\"text\":null}"}) {
            Reply reply = api.postJson("/v1/summaries", token(), body);
            assertProblem(reply, 422, "validation-failed");
            assertThat(reply.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("text");
        }
        assertProblem(api.postJson("/v1/redact", token(), "{\"text\":\"\"}"), 422, "validation-failed");
    }

    @Test
    void textOverTheCapIs413() {
        String atCap = "a".repeat(20_000);
        String overCap = "a".repeat(20_001);
        assertProblem(api.postJson("/v1/redact", token(), ApiClient.textBody(overCap)), 413, "payload-too-large");
        assertProblem(api.postJson("/v1/summaries", token(), ApiClient.textBody(overCap)), 413, "payload-too-large");
        assertThat(api.postJson("/v1/redact", token(), ApiClient.textBody(atCap))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aBodyOverTheByteCapIs413BeforeParsing() {
        String huge = "{\"text\":\"" + "b".repeat(200_000) + "\"}";
        assertProblem(api.postJson("/v1/summaries", token(), huge), 413, "payload-too-large");
    }

    @Test
    void wrongContentTypeIs415() {
        assertProblem(
                api.post("/v1/summaries", token(), "text/plain", CANARY + " chest pain"),
                415,
                "unsupported-media-type");
    }

    @Test
    void missingTokenIs401WithBearerChallenge() {
        Reply reply = api.postJson("/v1/summaries", null, ApiClient.textBody("chest pain"));
        assertProblem(reply, 401, "unauthorized");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(api.get("/v1/summaries/" + java.util.UUID.randomUUID(), "not-a-jwt"), 401, "unauthorized");
    }

    @Test
    void aTokenWithoutTheScopeIs403AndUnknownRoutesAreDenied() {
        String irb = api.token("demo-irb");
        assertProblem(api.postJson("/v1/summaries", irb, ApiClient.textBody("chest pain")), 403, "forbidden");
        assertProblem(api.postJson("/v1/redact", irb, ApiClient.textBody("chest pain")), 403, "forbidden");
        assertProblem(api.get("/v1/nothing-here", token()), 403, "forbidden");
    }

    private String token() {
        return api.token("demo-consumer");
    }

    static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("urn:attest:problem:" + type);
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("requestId").asString()).isEqualTo(reply.header("X-Request-Id"));
    }
}
