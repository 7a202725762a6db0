package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditPage;
import org.attest.audit.AuditQuery;
import org.attest.audit.AuditRecord;
import org.attest.audit.AuditReport;
import org.attest.audit.InputFingerprint;
import org.attest.audit.ModelRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading the trail for compliance: every filter, keyset paging that neither skips nor repeats, a report whose
 * numbers are counted by hand here, and input lookups under the key that made each row.
 */
class AuditLogTest {

    static final Instant MARCH = Instant.parse("2026-03-10T08:00:00Z");
    static final Instant APRIL = Instant.parse("2026-04-02T08:00:00Z");
    static final ModelRef V1 = new ModelRef("summarizer", "1", "ab".repeat(32), null);
    static final ModelRef V2 = new ModelRef("summarizer", "2", "cd".repeat(32), null);
    static final Actor CLINICIAN = new Actor("https://idp", "dr-who");

    static AuditDatabase db;
    static PostgresAuditLog log;

    @BeforeAll
    static void events() {
        db = AuditDatabase.create();
        log = new PostgresAuditLog(db.jdbc);
        // March: model 1 releases 2 (0.95, 0.85) and queues 2 (0.15, 0.45); one is approved 60 s later, one edited 180
        // s later
        append(MARCH, prediction("r1", V1, true, 0.95, "s1"));
        append(MARCH, prediction("r2", V1, true, 0.85, "s2"));
        append(MARCH, prediction("r3", V1, false, 0.15, "s3"));
        append(MARCH, prediction("r4", V1, false, 0.45, "s4"));
        append(MARCH.plusSeconds(60), review(AuditEventType.REVIEW_APPROVED, "s3"));
        append(MARCH.plusSeconds(180), review(AuditEventType.REVIEW_EDITED, "s4"));
        // April: model 2 queues one (1.0 lands in the last bin), rejected 30 s later; one export by a compliance client
        append(APRIL, prediction("r5", V2, false, 1.0, "s5"));
        append(APRIL.plusSeconds(30), review(AuditEventType.REVIEW_REJECTED, "s5"));
        append(
                APRIL,
                AuditEvent.builder(AuditEventType.AUDIT_EXPORTED, CLINICIAN, "demo-compliance", "r6")
                        .subject("/v1/audit/events")
                        .decision("text/csv", null)
                        .build());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyFilterNarrowsTheEvents() {
        assertThat(requests(query(null, null, Set.of(), null, null, null, null, null, null)))
                .containsExactly("r1", "r2", "r3", "r4", "review-s3", "review-s4", "r5", "review-s5", "r6");
        assertThat(requests(query(APRIL, null, Set.of(), null, null, null, null, null, null)))
                .containsExactly("r5", "review-s5", "r6");
        assertThat(requests(query(null, APRIL, Set.of(), null, null, null, null, null, null)))
                .hasSize(6);
        assertThat(requests(query(
                        null, null, Set.of(AuditEventType.PREDICTION_RELEASED), null, null, null, null, null, null)))
                .containsExactly("r1", "r2");
        assertThat(requests(query(null, null, Set.of(), "dr-who", null, null, null, null, null)))
                .containsExactly("review-s3", "review-s4", "review-s5", "r6");
        assertThat(requests(query(null, null, Set.of(), null, "demo-compliance", null, null, null, null)))
                .containsExactly("r6");
        assertThat(requests(query(null, null, Set.of(), null, null, "summarizer", "2", null, null)))
                .containsExactly("r5");
        assertThat(requests(query(null, null, Set.of(), null, null, null, null, "PENDING_REVIEW", null)))
                .containsExactly("r3", "r4", "r5");
        assertThat(requests(query(null, null, Set.of(), null, null, null, null, null, "r4")))
                .containsExactly("r4");
    }

    @Test
    void keysetPagesNeitherSkipNorRepeat() {
        List<String> seen = new ArrayList<>();
        long after = 0;
        long head = log.headSequence();
        AuditPage page;
        do {
            page = log.page(AuditQuery.ALL, after, head, 2);
            page.records().forEach(record -> seen.add(record.event().requestId()));
            if (!page.records().isEmpty()) {
                after = page.records().getLast().sequence();
            }
        } while (page.more());

        assertThat(seen).containsExactly("r1", "r2", "r3", "r4", "review-s3", "review-s4", "r5", "review-s5", "r6");
        assertThat(log.page(AuditQuery.ALL, 0, 3, 100).records()).hasSize(3);
    }

    @Test
    void anExportStreamsEveryMatchingEventUpToTheGivenSequence() throws Exception {
        List<AuditRecord> exported = new ArrayList<>();

        long count = log.export(AuditQuery.ALL, 8, exported::add);

        assertThat(count).isEqualTo(8);
        assertThat(exported).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void theReportCountsDecisionsVersionsOverridesConfidenceAndTimeToReview() {
        AuditReport report = log.report(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));

        assertThat(report.eventsByType())
                .containsEntry(AuditEventType.PREDICTION_RELEASED, 2L)
                .containsEntry(AuditEventType.PREDICTION_QUEUED_FOR_REVIEW, 3L)
                .containsEntry(AuditEventType.AUDIT_EXPORTED, 1L);
        assertThat(report.predictionsByDecision()).isEqualTo(Map.of("RELEASED", 2L, "PENDING_REVIEW", 3L));
        assertThat(report.byModelVersion())
                .containsExactly(
                        new AuditReport.ModelVersionCount("summarizer", "1", 2, 2),
                        new AuditReport.ModelVersionCount("summarizer", "2", 0, 1));
        assertThat(report.review()).isEqualTo(new AuditReport.ReviewOutcomes(1, 1, 1, 2 / 3.0, 60.0));
        assertThat(report.confidenceHistogram()).containsExactly(0L, 1L, 0L, 0L, 1L, 0L, 0L, 0L, 1L, 2L);

        AuditReport april = log.report(APRIL.minusSeconds(1), APRIL.plusSeconds(3600));
        assertThat(april.review()).isEqualTo(new AuditReport.ReviewOutcomes(0, 0, 1, 1.0, 30.0));
        AuditReport empty = log.report(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-02-01T00:00:00Z"));
        assertThat(empty.review()).isEqualTo(new AuditReport.ReviewOutcomes(0, 0, 0, null, null));
        assertThat(empty.confidenceHistogram()).containsOnly(0L);
    }

    @Test
    void aTimeRangeMustRunForward() {
        assertThatThrownBy(() -> log.report(APRIL, MARCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query(APRIL, APRIL, Set.of(), null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInputIsFoundOnlyUnderTheKeyThatMadeItsFingerprint() {
        InputFingerprint fingerprint = new InputFingerprint("k1", "0f".repeat(32));

        assertThat(log.findByInput(List.of(fingerprint), 100)).hasSize(5);
        assertThat(log.findByInput(List.of(new InputFingerprint("k9", "0f".repeat(32))), 100))
                .isEmpty();
        assertThat(log.findByInput(List.of(fingerprint), 2)).hasSize(2);
        assertThat(log.findByInput(List.of(), 10)).isEmpty();
    }

    private static AuditQuery query(
            Instant from,
            Instant to,
            Set<AuditEventType> types,
            String actorSubject,
            String client,
            String model,
            String version,
            String decision,
            String requestId) {
        return new AuditQuery(from, to, types, null, actorSubject, client, model, version, decision, requestId);
    }

    private static List<String> requests(AuditQuery query) {
        return log.page(query, 0, Long.MAX_VALUE, 100).records().stream()
                .map(record -> record.event().requestId())
                .toList();
    }

    private static AuditEvent prediction(
            String requestId, ModelRef model, boolean released, double confidence, String subject) {
        return AuditEvent.builder(
                        released ? AuditEventType.PREDICTION_RELEASED : AuditEventType.PREDICTION_QUEUED_FOR_REVIEW,
                        AuditEvents.CONSUMER,
                        "demo-consumer",
                        requestId)
                .subject(subject)
                .input(new InputFingerprint("k1", "0f".repeat(32)))
                .output("text")
                .confidence(confidence)
                .model(model)
                .redactionPolicy("redaction-policy/1")
                .decision(released ? "RELEASED" : "PENDING_REVIEW", released ? null : "below-confidence-threshold")
                .build();
    }

    private static AuditEvent review(AuditEventType type, String subject) {
        return AuditEvent.builder(type, CLINICIAN, "demo-clinician", "review-" + subject)
                .subject(subject)
                .decision(type.name().substring("REVIEW_".length()), null)
                .build();
    }

    private static void append(Instant at, AuditEvent event) {
        ChainWriter writer = db.writer(Clock.fixed(at, ZoneOffset.UTC));
        db.transaction.execute(status -> writer.append(List.of(event)));
    }
}
