package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class OverlapResolverTest {

    private static PhiEntity entity(int start, int end, double score, String detector) {
        return new PhiEntity(PhiType.ID, "X", start, end, score, detector);
    }

    @Test
    void higherScoreWinsOverLongerSpan() {
        PhiEntity longer = entity(0, 20, 0.6, "a");
        PhiEntity stronger = entity(5, 10, 0.9, "b");

        assertThat(OverlapResolver.resolve(List.of(longer, stronger))).containsExactly(stronger);
    }

    @Test
    void onEqualScoreLongerSpanWins() {
        PhiEntity shorter = entity(0, 5, 0.8, "a");
        PhiEntity longer = entity(3, 12, 0.8, "b");

        assertThat(OverlapResolver.resolve(List.of(shorter, longer))).containsExactly(longer);
    }

    @Test
    void onEqualScoreAndLengthEarlierStartWins() {
        PhiEntity later = entity(3, 8, 0.8, "a");
        PhiEntity earlier = entity(0, 5, 0.8, "b");

        assertThat(OverlapResolver.resolve(List.of(later, earlier))).containsExactly(earlier);
    }

    @Test
    void identicalSpansGoToTheDetectorFirstInAlphabeticalOrder() {
        PhiEntity zulu = entity(0, 5, 0.8, "zulu");
        PhiEntity alpha = entity(0, 5, 0.8, "alpha");

        assertThat(OverlapResolver.resolve(List.of(zulu, alpha))).containsExactly(alpha);
        assertThat(OverlapResolver.resolve(List.of(alpha, zulu))).containsExactly(alpha);
    }

    @Test
    void adjacentSpansDoNotOverlapAndComeBackSortedByStart() {
        PhiEntity right = entity(5, 9, 0.5, "a");
        PhiEntity left = entity(0, 5, 0.9, "b");
        PhiEntity far = entity(20, 25, 0.7, "c");

        assertThat(OverlapResolver.resolve(List.of(far, right, left))).containsExactly(left, right, far);
    }

    @Test
    void nothingInNothingOut() {
        assertThat(OverlapResolver.resolve(List.of())).isEmpty();
    }

    @RepeatedTest(20)
    void resultIsSortedNonOverlappingAndIndependentOfInputOrder(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<PhiEntity> candidates = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int start = random.nextInt(200);
            candidates.add(
                    entity(start, start + 1 + random.nextInt(15), random.nextInt(5) / 4.0, "d" + random.nextInt(3)));
        }
        List<PhiEntity> resolved = OverlapResolver.resolve(candidates);

        for (int i = 1; i < resolved.size(); i++) {
            assertThat(resolved.get(i).start())
                    .isGreaterThanOrEqualTo(resolved.get(i - 1).end());
        }
        for (PhiEntity candidate : candidates) {
            // every loser overlaps a winner that ranks above it
            boolean kept = resolved.contains(candidate);
            boolean beaten = resolved.stream()
                    .anyMatch(w -> w.start() < candidate.end()
                            && candidate.start() < w.end()
                            && OverlapResolver.PRECEDENCE.compare(w, candidate) <= 0);
            assertThat(kept || beaten).isTrue();
        }
        Collections.shuffle(candidates, random);
        assertThat(OverlapResolver.resolve(candidates)).isEqualTo(resolved);
    }
}
