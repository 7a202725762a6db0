package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attest.redaction.PhiEntity;

/**
 * Settles overlapping candidates deterministically: the higher score wins, then the longer span, then the earlier
 * start; the remaining ties (same span and score) go to the detector, then the subtype, in alphabetical order so that
 * the result never depends on the order the candidates came in. A loser is dropped whole.
 */
final class OverlapResolver {

    static final Comparator<PhiEntity> PRECEDENCE = Comparator.comparingDouble(PhiEntity::score)
            .reversed()
            .thenComparing(Comparator.comparingInt(PhiEntity::length).reversed())
            .thenComparingInt(PhiEntity::start)
            .thenComparing(PhiEntity::detector)
            .thenComparing(PhiEntity::subtype)
            .thenComparing(PhiEntity::type);

    private OverlapResolver() {}

    /**
     * @param candidates entities in any order, possibly overlapping
     * @return the winners, sorted by start, pairwise non-overlapping
     */
    static List<PhiEntity> resolve(List<PhiEntity> candidates) {
        List<PhiEntity> byPrecedence = new ArrayList<>(candidates);
        byPrecedence.sort(PRECEDENCE);
        TreeMap<Integer, PhiEntity> kept = new TreeMap<>();
        for (PhiEntity candidate : byPrecedence) {
            if (isFree(kept, candidate)) {
                kept.put(candidate.start(), candidate);
            }
        }
        return List.copyOf(kept.values());
    }

    private static boolean isFree(TreeMap<Integer, PhiEntity> kept, PhiEntity candidate) {
        Map.Entry<Integer, PhiEntity> left = kept.floorEntry(candidate.start());
        if (left != null && left.getValue().end() > candidate.start()) {
            return false;
        }
        Map.Entry<Integer, PhiEntity> right = kept.ceilingEntry(candidate.start());
        return right == null || right.getValue().start() >= candidate.end();
    }
}
