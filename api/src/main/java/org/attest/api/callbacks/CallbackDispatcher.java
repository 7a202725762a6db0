package org.attest.api.callbacks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued decision callbacks: {@code POST} of {@code {"id", "status"}} with the signature header, retried with
 * exponential backoff until a 2xx or the attempts run out. Due rows are taken with {@code SKIP LOCKED} and leased for
 * the attempt, so replicas never send the same attempt twice; the HTTP call runs outside any transaction.
 */
@Component
class CallbackDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CallbackProperties properties;
    private final Clock clock;
    private final CallbackTargets targets;
    private final CallbackSecrets secrets;
    private final HttpClient http;
    private volatile ScheduledExecutorService scheduler;

    CallbackDispatcher(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            CallbackProperties properties,
            Clock clock,
            CallbackTargets targets,
            CallbackSecrets secrets) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.secrets = secrets;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends every delivery that is due now, once; returns how many were attempted. */
    int deliverDue() {
        List<Due> due = transaction.execute(status -> takeDue());
        for (Due delivery : due == null ? List.<Due>of() : due) {
            record(delivery, send(delivery));
        }
        return due == null ? 0 : due.size();
    }

    private List<Due> takeDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                        SELECT d.id, d.client_id, d.summary_id, d.summary_status, d.attempts, c.url, c.signing_secret
                        FROM callback_delivery d JOIN client_callback c ON c.client_id = d.client_id
                        WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now
                        ORDER BY d.next_attempt_at LIMIT 20 FOR UPDATE OF d SKIP LOCKED
                        """)
                .param("now", utc(now))
                .query((rs, row) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getString("client_id"),
                        rs.getObject("summary_id", UUID.class),
                        rs.getString("summary_status"),
                        rs.getInt("attempts"),
                        rs.getString("url"),
                        rs.getString("signing_secret")))
                .list();
        for (Due delivery : due) {
            jdbc.sql("UPDATE callback_delivery SET next_attempt_at = :lease WHERE id = :id")
                    .param("lease", utc(now.plus(properties.timeout().multipliedBy(2))))
                    .param("id", delivery.id())
                    .update();
        }
        return due;
    }

    /** The HTTP status of the attempt, or 0 when no response came. */
    private int send(Due delivery) {
        // screened again: the host may resolve to an internal address since it was registered
        var refused = targets.refusal(delivery.url());
        if (refused.isPresent()) {
            log.warn("callback delivery {} refused: {}", delivery.id(), refused.get());
            return 0;
        }
        String secret;
        try {
            secret = secrets.open(delivery.clientId(), delivery.sealedSecret());
        } catch (IllegalStateException e) {
            log.warn("callback delivery {} not sent: {}", delivery.id(), e.getMessage());
            return 0;
        }
        String body = "{\"id\":\"" + delivery.summaryId() + "\",\"status\":\"" + delivery.status() + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(
                        CallbackSignature.HEADER,
                        CallbackSignature.header(secret, clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            log.info(
                    "callback delivery {} failed: {}",
                    delivery.id(),
                    e.getClass().getSimpleName());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void record(Due delivery, int status) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        boolean delivered = status >= 200 && status < 300;
        String state = delivered ? "DELIVERED" : attempts >= properties.maxAttempts() ? "FAILED" : "PENDING";
        jdbc.sql("""
                        UPDATE callback_delivery SET state = :state, attempts = :attempts, last_status = :status,
                            next_attempt_at = :next, delivered_at = :deliveredAt
                        WHERE id = :id
                        """)
                .param("state", state)
                .param("attempts", attempts)
                .param("status", status == 0 ? null : status)
                .param("next", utc(now.plus(properties.backoffAfter(attempts))))
                .param("deliveredAt", delivered ? utc(now) : null)
                .param("id", delivery.id())
                .update();
        if ("FAILED".equals(state)) {
            log.warn("callback delivery {} given up after {} attempts", delivery.id(), attempts);
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("attest-callbacks").daemon(true).factory());
        long interval = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::deliverQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("callback delivery round failed: {}", e.getClass().getName());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            running.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Due(
            UUID id, String clientId, UUID summaryId, String status, int attempts, String url, String sealedSecret) {}
}
