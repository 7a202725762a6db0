package org.attest.review.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.attest.audit.Actor;
import org.attest.audit.AuditTrail;
import org.attest.audit.ModelRef;
import org.attest.review.NewReviewItem;
import org.attest.review.ReleaseDecision;
import org.attest.review.ReviewDecided;
import org.attest.review.ReviewItem;
import org.attest.review.Reviewer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit and review modules wired as the application wires them, on a fresh database, with a clock the test
 * moves and a record of the {@link ReviewDecided} events published.
 */
final class ReviewModules implements AutoCloseable {

    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    final ReviewDatabase db;
    final ConfigurableApplicationContext context;
    final MovableClock clock = new MovableClock(START);
    final List<ReviewDecided> decided = new CopyOnWriteArrayList<>();
    final PostgresReviewQueue queue;
    final PostgresReleaseProbations probations;
    final TransactionTemplate transaction;
    final JdbcClient jdbc;
    final ReviewProperties props;

    private ReviewModules(ReviewProperties properties, String... settings) {
        db = ReviewDatabase.create();
        List<String> all = new ArrayList<>(List.of(
                "spring.datasource.url=" + db.url,
                "spring.flyway.locations=classpath:db/migration/audit,classpath:db/migration/review",
                "attest.audit.input-hmac-key=" + Base64.getEncoder().encodeToString(new byte[32]),
                "attest.audit.input-hmac-key-id=review-test",
                "attest.audit.generate-missing-key=false",
                // the context's own queue runs on the system clock: its sweeper must not release this test clock's
                // claims
                "attest.review.lease-sweep-interval=1h",
                "attest.audit.checkpoint.signing-key-file=target/review-test/" + UUID.randomUUID() + "/key.pem",
                "attest.audit.checkpoint.export-dir=target/review-test/" + UUID.randomUUID()));
        all.addAll(List.of(settings));
        context = new SpringApplicationBuilder(ReviewTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new))
                .run();
        context.addApplicationListener(
                (ApplicationListener<PayloadApplicationEvent<ReviewDecided>>) event -> decided.add(event.getPayload()));
        jdbc = context.getBean(JdbcClient.class);
        props = properties;
        PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
        transaction = new TransactionTemplate(transactions);
        probations = new PostgresReleaseProbations(jdbc, clock, properties);
        queue = new PostgresReviewQueue(
                jdbc, clock, transactions, context.getBean(AuditTrail.class), context, probations, properties);
    }

    static ReviewModules start() {
        return new ReviewModules(ReviewProperties.defaults());
    }

    static ReviewModules start(ReviewProperties properties) {
        return new ReviewModules(properties);
    }

    AuditTrail audit() {
        return context.getBean(AuditTrail.class);
    }

    /** Queues one held prediction of {@code modelVersion} as the summarize use case does. */
    ReviewItem hold(String modelVersion, String... rules) {
        String[] model = ReviewRows.splitModel(modelVersion);
        return hold(new ModelRef(model[0], model[1], "a".repeat(64), "c".repeat(64)), rules);
    }

    /** Queues one held prediction of {@code model}, e.g. one a remote server ran. */
    ReviewItem hold(ModelRef model, String... rules) {
        NewReviewItem item = new NewReviewItem(
                UUID.randomUUID(),
                "demo-consumer",
                new ReleaseDecision(List.of(rules), "release-policy/2"),
                0.42,
                model,
                "redaction-policy/1",
                "Patient [NAME] admitted with chest pain.\nTroponin negative.",
                "[NAME], 54, seen for chest pain. Troponin negative. Discharged.");
        return transaction.execute(status -> queue.enqueue(item));
    }

    ReviewItem hold() {
        return hold("clinical-summarizer-extractive:1", "below-confidence-threshold");
    }

    static Reviewer reviewer(String subject) {
        return new Reviewer(
                new Actor("http://issuer.test", subject),
                "demo-clinician",
                UUID.randomUUID().toString());
    }

    /** The audit rows whose subject is {@code summaryId}, in sequence order. */
    List<Map<String, Object>> auditRows(UUID summaryId) {
        return jdbc.sql("SELECT * FROM audit_event WHERE subject_id = :subject ORDER BY seq")
                .param("subject", summaryId.toString())
                .query()
                .listOfRows();
    }

    @Override
    public void close() {
        context.close();
        db.close();
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
