package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attest.audit.ModelRef;
import org.attest.review.DecisionReason;
import org.attest.review.IllegalTransitionException;
import org.attest.review.IllegalTransitionException.Refusal;
import org.attest.review.ReviewDecided;
import org.attest.review.ReviewDecision;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewStatus;
import org.attest.review.Reviewer;
import org.attest.review.UnknownReviewItemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every transition of a review item, and every illegal one, on the real PostgreSQL with the real audit trail. */
class ReviewLifecycleTest {

    static final Reviewer ANNA = ReviewModules.reviewer("anna");
    static final Reviewer BEN = ReviewModules.reviewer("ben");

    static ReviewModules modules;

    @BeforeAll
    static void start() {
        modules = ReviewModules.start();
    }

    @AfterAll
    static void close() {
        modules.close();
    }

    @Test
    void aPredictionOfARemoteModelKeepsTheServersVersionInEveryDecision() {
        ModelRef remote = new ModelRef("clinical-summarizer-remote", "1", "a".repeat(64), "c".repeat(64), "3");
        ReviewItem held = modules.hold(remote, "below-confidence-threshold");
        modules.queue.claim(held.id(), ANNA);

        ReviewItem approved = modules.queue.decide(held.id(), ANNA, new ReviewDecision.Approve());

        assertThat(approved.model()).isEqualTo(remote);
        assertThat(modules.queue.find(held.id())).map(ReviewItem::model).contains(remote);
        assertThat(modules.auditRows(held.summaryId()))
                .extracting(row -> row.get("event_type") + " " + row.get("model_served_version"))
                .containsExactly("REVIEW_CLAIMED 3", "REVIEW_APPROVED 3");
        ReviewItem local = modules.hold();
        assertThat(modules.queue.find(local.id()).orElseThrow().model().servedVersion())
                .isNull();
        assertThat(modules.audit().verify().intact()).isTrue();
    }

    @Test
    void pendingToClaimedWithALeaseAndAnAuditEvent() {
        ReviewItem held = modules.hold();

        ReviewItem claimed = modules.queue.claim(held.id(), ANNA);

        assertThat(claimed.status()).isEqualTo(ReviewStatus.CLAIMED);
        assertThat(claimed.claim().by()).isEqualTo(ANNA.actor());
        assertThat(claimed.claim().leaseExpiresAt())
                .isEqualTo(modules.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(claimed.version()).isEqualTo(1);
        assertThat(modules.queue.find(held.id())).contains(claimed);
        assertThat(modules.auditRows(held.summaryId()))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("event_type", "REVIEW_CLAIMED")
                        .containsEntry("actor_subject", "anna")
                        .containsEntry("decision", "CLAIMED"));
    }

    @Test
    void claimedToApprovedReleasesTheDraftAndIsAuditedBoundToThePrediction() {
        ReviewItem held = modules.hold();
        modules.queue.claim(held.id(), ANNA);

        ReviewItem approved = modules.queue.decide(held.id(), ANNA, new ReviewDecision.Approve());

        assertThat(approved.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(approved.claim()).isNull();
        assertThat(approved.decision().finalText()).isEqualTo(held.draftText());
        assertThat(approved.decision().by()).isEqualTo(ANNA.actor());
        assertThat(modules.queue.find(held.id())).contains(approved);
        Map<String, Object> row = modules.auditRows(held.summaryId()).getLast();
        assertThat(row)
                .containsEntry("event_type", "REVIEW_APPROVED")
                .containsEntry("subject_id", held.summaryId().toString())
                .containsEntry("actor_issuer", "http://issuer.test")
                .containsEntry("actor_subject", "anna")
                .containsEntry("client_id", "demo-clinician")
                .containsEntry("request_id", ANNA.requestId())
                .containsEntry("output", held.draftText())
                .containsEntry("model_name", "clinical-summarizer-extractive")
                .containsEntry("model_version", "1")
                .containsEntry("model_sha256", "a".repeat(64))
                .containsEntry("model_card_hash", "c".repeat(64))
                .containsEntry("redaction_policy_version", "redaction-policy/1")
                .containsEntry("decision", "APPROVED")
                .containsEntry("rule", "below-confidence-threshold");
        assertThat(modules.decided)
                .contains(new ReviewDecided(
                        held.id(),
                        held.summaryId(),
                        "demo-consumer",
                        ReviewStatus.APPROVED,
                        held.draftText(),
                        ANNA.actor(),
                        approved.decision().at()));
        assertThat(modules.audit().verify().intact()).isTrue();
    }

    @Test
    void claimedToEditedStoresTextDiffDistanceAndReason() {
        ReviewItem held = modules.hold();
        modules.queue.claim(held.id(), ANNA);
        String text = "Patient [NAME] admitted with chest pain.\nTroponin negative twice; discharged home.";

        ReviewItem edited =
                modules.queue.decide(held.id(), ANNA, new ReviewDecision.Edit(text, DecisionReason.OMISSION));

        assertThat(edited.status()).isEqualTo(ReviewStatus.EDITED);
        assertThat(edited.decision().finalText()).isEqualTo(text);
        assertThat(edited.decision().reason()).isEqualTo(DecisionReason.OMISSION);
        assertThat(edited.decision().diff())
                .isEqualTo("  Patient [NAME] admitted with chest pain.\n- Troponin negative.\n"
                        + "+ Troponin negative twice; discharged home.");
        assertThat(edited.decision().editDistance()).isEqualTo(EditDiff.distance(held.draftText(), text));
        assertThat(modules.queue.find(held.id())).contains(edited);
        assertThat(modules.auditRows(held.summaryId()).getLast())
                .containsEntry("event_type", "REVIEW_EDITED")
                .containsEntry("output", text)
                .containsEntry("rule", "below-confidence-threshold;reason=OMISSION");
    }

    @Test
    void claimedToRejectedReleasesNothing() {
        ReviewItem held = modules.hold();
        modules.queue.claim(held.id(), ANNA);

        ReviewItem rejected =
                modules.queue.decide(held.id(), ANNA, new ReviewDecision.Reject(DecisionReason.FACTUAL_ERROR));

        assertThat(rejected.status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(rejected.decision().finalText()).isNull();
        assertThat(rejected.decision().reason()).isEqualTo(DecisionReason.FACTUAL_ERROR);
        assertThat(modules.auditRows(held.summaryId()).getLast())
                .containsEntry("event_type", "REVIEW_REJECTED")
                .containsEntry("output", null)
                .containsEntry("decision", "REJECTED");
    }

    @Test
    void theClaimantRenewsItsOwnLease() {
        ReviewItem held = modules.hold();
        modules.queue.claim(held.id(), ANNA);
        modules.clock.advance(Duration.ofMinutes(5));

        ReviewItem renewed = modules.queue.claim(held.id(), ANNA);

        assertThat(renewed.claim().leaseExpiresAt())
                .isEqualTo(modules.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(renewed.version()).isEqualTo(2);
    }

    @Test
    void aLapsedLeaseReturnsTheItemToPendingForAnyone() {
        ReviewItem held = modules.hold();
        modules.queue.claim(held.id(), ANNA);
        assertThatThrownBy(() -> modules.queue.claim(held.id(), BEN))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.CLAIMED_BY_ANOTHER));

        modules.clock.advance(Duration.ofMinutes(10));

        ReviewItem lapsed = modules.queue.find(held.id()).orElseThrow();
        assertThat(lapsed.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(lapsed.claim()).isNull();
        assertThat(modules.queue.page(ReviewStatus.PENDING, null, 0, 1000))
                .extracting(ReviewItem::id)
                .contains(held.id());
        assertThat(modules.queue.page(ReviewStatus.CLAIMED, null, 0, 1000))
                .extracting(ReviewItem::id)
                .doesNotContain(held.id());
        assertThatThrownBy(() -> modules.queue.decide(held.id(), ANNA, new ReviewDecision.Approve()))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.NOT_CLAIMED_BY_YOU));
        assertThat(modules.queue.claim(held.id(), BEN).claim().by()).isEqualTo(BEN.actor());
        assertThat(modules.auditRows(held.summaryId()))
                .extracting(row -> row.get("event_type") + " " + row.get("actor_subject") + " " + row.get("decision"))
                .containsExactly(
                        "REVIEW_CLAIMED anna CLAIMED",
                        "REVIEW_CLAIM_LAPSED system PENDING",
                        "REVIEW_CLAIMED ben CLAIMED");
    }

    @Test
    void theSweeperReturnsALapsedClaimWithItsAuditEventOnce() {
        // a queue of its own: the shared one holds other tests' claims, which lapse as its clock moves
        try (ReviewModules own = ReviewModules.start()) {
            ReviewItem held = own.hold();
            own.queue.claim(held.id(), ANNA);
            assertThat(own.queue.releaseLapsedClaims()).isZero();

            own.clock.advance(Duration.ofMinutes(10));

            assertThat(own.queue.releaseLapsedClaims()).isEqualTo(1);
            assertThat(own.queue.releaseLapsedClaims()).isZero();
            assertThat(own.auditRows(held.summaryId()))
                    .extracting(row -> row.get("event_type") + " " + row.get("actor_subject"))
                    .containsExactly("REVIEW_CLAIMED anna", "REVIEW_CLAIM_LAPSED system");
            Map<String, Object> row = own.auditRows(held.summaryId()).getLast();
            assertThat(row).containsEntry("decision", "PENDING").containsEntry("rule", held.reason());
            assertThat(own.queue.find(held.id()).orElseThrow().status()).isEqualTo(ReviewStatus.PENDING);
            assertThat(own.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void aDecisionNeedsALiveClaimByTheDecider() {
        ReviewItem held = modules.hold();
        for (ReviewDecision decision : decisions()) {
            assertThatThrownBy(() -> modules.queue.decide(held.id(), ANNA, decision))
                    .isInstanceOfSatisfying(
                            IllegalTransitionException.class,
                            e -> assertThat(e.refusal()).isEqualTo(Refusal.NOT_CLAIMED_BY_YOU));
        }
        modules.queue.claim(held.id(), ANNA);
        for (ReviewDecision decision : decisions()) {
            assertThatThrownBy(() -> modules.queue.decide(held.id(), BEN, decision))
                    .isInstanceOfSatisfying(
                            IllegalTransitionException.class,
                            e -> assertThat(e.refusal()).isEqualTo(Refusal.CLAIMED_BY_ANOTHER));
        }
        assertThat(modules.queue.find(held.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(modules.auditRows(held.summaryId())).hasSize(1);
    }

    @Test
    void nothingLeavesADecidedState() {
        for (ReviewDecision first : decisions()) {
            ReviewItem held = modules.hold();
            modules.queue.claim(held.id(), ANNA);
            ReviewItem decided = modules.queue.decide(held.id(), ANNA, first);
            int rows = modules.auditRows(held.summaryId()).size();

            for (Reviewer who : List.of(ANNA, BEN)) {
                assertThatThrownBy(() -> modules.queue.claim(held.id(), who))
                        .isInstanceOfSatisfying(
                                IllegalTransitionException.class,
                                e -> assertThat(e.refusal()).isEqualTo(Refusal.ALREADY_DECIDED));
                for (ReviewDecision again : decisions()) {
                    assertThatThrownBy(() -> modules.queue.decide(held.id(), who, again))
                            .isInstanceOfSatisfying(
                                    IllegalTransitionException.class,
                                    e -> assertThat(e.refusal()).isEqualTo(Refusal.ALREADY_DECIDED));
                }
            }
            assertThat(modules.queue.find(held.id())).contains(decided);
            assertThat(modules.auditRows(held.summaryId())).hasSize(rows);
        }
    }

    @Test
    void unknownItemsAreRefusedAsUnknown() {
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> modules.queue.claim(nobody, ANNA)).isInstanceOf(UnknownReviewItemException.class);
        assertThatThrownBy(() -> modules.queue.decide(nobody, ANNA, new ReviewDecision.Approve()))
                .isInstanceOf(UnknownReviewItemException.class);
    }

    @Test
    void nextClaimsTheHighestPriorityThenTheOldestOpenItem() {
        try (ReviewModules own = ReviewModules.start()) {
            ReviewItem qaOld = own.hold("m:1", "qa-sample");
            own.clock.advance(Duration.ofSeconds(1));
            ReviewItem unsureOld = own.hold("m:1", "below-confidence-threshold");
            own.clock.advance(Duration.ofSeconds(1));
            ReviewItem degraded = own.hold("m:1", "degraded-model", "below-confidence-threshold");
            own.clock.advance(Duration.ofSeconds(1));
            ReviewItem unsureNew = own.hold("m:1", "below-confidence-threshold");
            ReviewItem otherModel = own.hold("other:2", "degraded-model");

            assertThat(degraded.priority()).isEqualTo(3);
            assertThat(qaOld.priority()).isZero();
            assertThat(own.queue.claimNext(ANNA, "m:1").orElseThrow().id()).isEqualTo(degraded.id());
            assertThat(own.queue.claimNext(ANNA, "m:1").orElseThrow().id()).isEqualTo(unsureOld.id());
            assertThat(own.queue.claimNext(BEN, "m:1").orElseThrow().id()).isEqualTo(unsureNew.id());
            assertThat(own.queue.claimNext(BEN, "m:1").orElseThrow().id()).isEqualTo(qaOld.id());
            assertThat(own.queue.claimNext(BEN, "m:1")).isEmpty();
            assertThat(own.queue.claimNext(BEN, null).orElseThrow().id()).isEqualTo(otherModel.id());
            assertThat(own.queue.page(ReviewStatus.CLAIMED, null, 0, 10)).hasSize(5);

            own.clock.advance(Duration.ofMinutes(11));
            assertThat(own.queue.claimNext(BEN, "m:1").orElseThrow().id()).isEqualTo(degraded.id());
        }
    }

    @Test
    void pagesFilterByStatusAndModel() {
        try (ReviewModules own = ReviewModules.start()) {
            ReviewItem a = own.hold("m:1", "qa-sample");
            ReviewItem b = own.hold("m:1", "qa-sample");
            ReviewItem c = own.hold("n:1", "qa-sample");
            own.queue.claim(b.id(), ANNA);
            own.queue.decide(b.id(), ANNA, new ReviewDecision.Approve());

            assertThat(own.queue.page(null, null, 0, 10)).hasSize(3);
            assertThat(own.queue.page(ReviewStatus.PENDING, "m:1", 0, 10))
                    .extracting(ReviewItem::id)
                    .containsExactly(a.id());
            assertThat(own.queue.page(ReviewStatus.APPROVED, null, 0, 10))
                    .extracting(ReviewItem::id)
                    .containsExactly(b.id());
            assertThat(own.queue.page(null, "n:1", 0, 10))
                    .extracting(ReviewItem::id)
                    .containsExactly(c.id());
            assertThat(own.queue.page(null, null, 1, 2)).hasSize(1);
            assertThatThrownBy(() -> own.queue.page(null, null, -1, 2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<ReviewDecision> decisions() {
        return List.of(
                new ReviewDecision.Approve(),
                new ReviewDecision.Edit("changed", DecisionReason.STYLE),
                new ReviewDecision.Reject(DecisionReason.OTHER));
    }
}
