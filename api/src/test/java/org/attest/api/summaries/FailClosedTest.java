package org.attest.api.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.attest.api.ApiClient;
import org.attest.api.ApiClient.Reply;
import org.attest.api.ClinicalNotes;
import org.attest.api.ReleasingApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * No audit row, no output: when the audit table cannot be written in time (here another session — a superuser's,
 * since the application role may not lock it — holds an exclusive lock on it, as a hung or overloaded database
 * would), the request fails with 503 within the commit timeout, and neither the summary nor an audit row remains.
 * The service recovers as soon as the lock goes.
 */
class FailClosedTest extends ReleasingApplicationTest {

    @Autowired
    Environment environment;

    @Test
    void aTransactionThatCannotCommitReleasesNothing() throws Exception {
        Reply refused;
        try (Connection blocker = DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"))) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE audit_event IN ACCESS EXCLUSIVE MODE");
            }
            refused = api.postJson(
                    "/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));
            blocker.rollback();
        }

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:attest:problem:service-unavailable");
        assertThat(refused.header("Retry-After")).isNotBlank();
        ClinicalNotes.PLANTED_PHI.forEach(phi -> assertThat(refused.body()).doesNotContain(phi));
        String requestId = refused.json().path("requestId").asString();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM summary WHERE request_id = ?", Integer.class, requestId))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE request_id = ?", Integer.class, requestId))
                .isZero();

        Reply recovered = api.postJson(
                "/v1/summaries", api.token("demo-consumer"), ApiClient.textBody(ClinicalNotes.NOTE_WITH_PHI));
        assertThat(recovered.status()).isEqualTo(201);
    }
}
