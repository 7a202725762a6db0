package org.attest.api.callbacks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.attest.review.ReviewDecided;
import org.attest.review.ReviewStatus;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues a callback delivery when a clinician decides a summary of a client that registered a URL, in the
 * decision's transaction (an outbox): the notification exists if and only if the decision does.
 */
@Component
class DecisionCallbacks {

    private final JdbcClient jdbc;
    private final CallbackRegistrations registrations;
    private final Clock clock;

    DecisionCallbacks(JdbcClient jdbc, CallbackRegistrations registrations, Clock clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.clock = clock;
    }

    @EventListener
    void decided(ReviewDecided decision) {
        if (registrations.find(decision.clientId()).isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO callback_delivery (id, client_id, summary_id, summary_status, state,
                            next_attempt_at, created_at)
                        VALUES (:id, :client, :summary, :status, 'PENDING', :now, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("client", decision.clientId())
                .param("summary", decision.summaryId())
                .param("status", decision.outcome() == ReviewStatus.REJECTED ? "REJECTED" : "RELEASED")
                .param("now", now)
                .update();
    }
}
