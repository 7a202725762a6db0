package org.attest.api.summaries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.attest.audit.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored summaries, in PostgreSQL. */
@Repository
class Summaries {

    private final JdbcClient jdbc;

    Summaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Summary summary) {
        OffsetDateTime created = summary.createdAt().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO summary (id, client_id, actor_issuer, actor_subject, request_id, status, summary_text,
                            draft_text, redacted_input, confidence, model_name, model_version, model_sha256, degraded,
                            redaction_policy_version, release_policy_version, review_reason, created_at, updated_at)
                        VALUES (:id, :clientId, :issuer, :subject, :requestId, :status, :text, :draft, :input,
                            :confidence, :modelName, :modelVersion, :modelSha, :degraded, :redactionPolicy,
                            :releasePolicy, :reviewReason, :created, :created)
                        """)
                .param("id", summary.id())
                .param("clientId", summary.clientId())
                .param("issuer", summary.actor().issuer())
                .param("subject", summary.actor().subject())
                .param("requestId", summary.requestId())
                .param("status", summary.status().name())
                .param("text", summary.text())
                .param("draft", summary.draftText())
                .param("input", summary.redactedInput())
                .param("confidence", summary.confidence())
                .param("modelName", summary.model().name())
                .param("modelVersion", summary.model().version())
                .param("modelSha", summary.model().artifactSha256())
                .param("degraded", summary.degraded())
                .param("redactionPolicy", summary.redactionPolicyVersion())
                .param("releasePolicy", summary.releasePolicyVersion())
                .param("reviewReason", summary.reviewReason())
                .param("created", created)
                .update();
    }

    /** The summary with this id if the client owns it; another client's summary is as absent as a missing one. */
    Optional<Summary> findOwnedBy(UUID id, String clientId) {
        return jdbc.sql("SELECT * FROM summary WHERE id = :id AND client_id = :clientId")
                .param("id", id)
                .param("clientId", clientId)
                .query(Summaries::map)
                .optional();
    }

    private static Summary map(ResultSet rs, int row) throws SQLException {
        return new Summary(
                rs.getObject("id", UUID.class),
                rs.getString("client_id"),
                new Actor(rs.getString("actor_issuer"), rs.getString("actor_subject")),
                rs.getString("request_id"),
                SummaryStatus.valueOf(rs.getString("status")),
                rs.getString("summary_text"),
                rs.getString("draft_text"),
                rs.getString("redacted_input"),
                rs.getDouble("confidence"),
                new Summary.ModelOfRecord(
                        rs.getString("model_name"), rs.getString("model_version"), rs.getString("model_sha256")),
                rs.getBoolean("degraded"),
                rs.getString("redaction_policy_version"),
                rs.getString("release_policy_version"),
                rs.getString("review_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
