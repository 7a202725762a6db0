package org.attest.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.attest.audit.Actor;
import org.attest.audit.ModelRef;
import org.attest.review.DecisionReason;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;

/** How a review item is stored in {@code review_item}, and how a lapsed claim reads. */
final class ReviewRows {

    static final String COLUMNS = """
            id, summary_id, client_id, status, reason, release_policy_version, priority, confidence, model_version,
            model_sha256, model_card_hash, model_served_version, redaction_policy_version, draft_text, redacted_source, created_at,
            claimed_by_issuer, claimed_by_subject, lease_expires_at, decided_by_issuer, decided_by_subject,
            decided_at, final_text, decision_reason, edit_diff, edit_distance, version""";

    /** The rows that are open at {@code :now}: PENDING, or CLAIMED with a lapsed lease. */
    static final String OPEN = "(status = 'PENDING' OR (status = 'CLAIMED' AND lease_expires_at <= :now))";

    /** The rows claimed at {@code :now} by a live lease. */
    static final String LIVE_CLAIM = "(status = 'CLAIMED' AND lease_expires_at > :now)";

    private ReviewRows() {}

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static @Nullable OffsetDateTime utcOrNull(@Nullable Instant instant) {
        return instant == null ? null : utc(instant);
    }

    /** Maps rows as they read at {@code now}: a claim whose lease has lapsed reads as PENDING, without a claim. */
    static RowMapper<ReviewItem> at(Instant now) {
        return (rs, row) -> map(rs, now);
    }

    private static ReviewItem map(ResultSet rs, Instant now) throws SQLException {
        ReviewStatus status = ReviewStatus.valueOf(rs.getString("status"));
        ReviewItem.Claim claim = null;
        if (status == ReviewStatus.CLAIMED) {
            Instant lease = instant(rs, "lease_expires_at");
            if (lease != null && lease.isAfter(now)) {
                claim = new ReviewItem.Claim(
                        new Actor(rs.getString("claimed_by_issuer"), rs.getString("claimed_by_subject")), lease);
            } else {
                status = ReviewStatus.PENDING;
            }
        }
        String[] model = splitModel(rs.getString("model_version"));
        return new ReviewItem(
                rs.getObject("id", UUID.class),
                rs.getObject("summary_id", UUID.class),
                rs.getString("client_id"),
                status,
                rs.getString("reason"),
                rs.getString("release_policy_version"),
                rs.getInt("priority"),
                rs.getDouble("confidence"),
                new ModelRef(
                        model[0],
                        model[1],
                        rs.getString("model_sha256"),
                        rs.getString("model_card_hash"),
                        rs.getString("model_served_version")),
                rs.getString("redaction_policy_version"),
                rs.getString("draft_text"),
                rs.getString("redacted_source"),
                instant(rs, "created_at"),
                claim,
                status.decided() ? decision(rs) : null,
                rs.getLong("version"));
    }

    private static ReviewItem.Decision decision(ResultSet rs) throws SQLException {
        String reason = rs.getString("decision_reason");
        Object distance = rs.getObject("edit_distance");
        return new ReviewItem.Decision(
                new Actor(rs.getString("decided_by_issuer"), rs.getString("decided_by_subject")),
                instant(rs, "decided_at"),
                rs.getString("final_text"),
                reason == null ? null : DecisionReason.valueOf(reason),
                rs.getString("edit_diff"),
                distance == null ? null : ((Number) distance).intValue());
    }

    /** {@code name:version} split at the last colon (names may not contain one, versions need not). */
    static String[] splitModel(String modelVersion) {
        int colon = modelVersion.lastIndexOf(':');
        if (colon < 0) {
            return new String[] {modelVersion, ""};
        }
        return new String[] {modelVersion.substring(0, colon), modelVersion.substring(colon + 1)};
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
