package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;

/**
 * Settles overlapping candidates deterministically, in two ways.
 *
 * <p>{@link #resolve} picks one: the higher score wins, then the longer span, then the earlier start; the remaining
 * ties go to the detector, then the subtype, in alphabetical order so that the result never depends on the order the
 * candidates came in. A loser is dropped whole. Recognizers use it to choose among their own readings of a stretch.
 *
 * <p>{@link #merge} is what the policy applies across recognizers: overlapping candidates become one entity over the
 * widest span they cover together, reported with the type of highest re-identification risk among them ({@link
 * #RISK}), so that no part of any detection stays visible.
 */
final class OverlapResolver {

    static final Comparator<PhiEntity> PRECEDENCE = Comparator.comparingDouble(PhiEntity::score)
            .reversed()
            .thenComparing(Comparator.comparingInt(PhiEntity::length).reversed())
            .thenComparingInt(PhiEntity::start)
            .thenComparing(PhiEntity::detector)
            .thenComparing(PhiEntity::subtype)
            .thenComparing(PhiEntity::type);

    /** Categories from most to least identifying: the type of a merged entity is the first one present. */
    static final List<PhiType> RISK = List.of(
            PhiType.ID, PhiType.CONTACT, PhiType.NAME, PhiType.LOCATION, PhiType.DATE, PhiType.AGE, PhiType.PROFESSION);

    /** Among overlapping candidates, the one whose type, subtype, score and detector the merged entity keeps. */
    static final Comparator<PhiEntity> REPRESENTATIVE =
            Comparator.comparingInt((PhiEntity e) -> RISK.indexOf(e.type())).thenComparing(PRECEDENCE);

    private OverlapResolver() {}

    /**
     * @param candidates entities in any order, possibly overlapping
     * @return one entity per group of transitively overlapping candidates, spanning them all, sorted by start
     */
    static List<PhiEntity> merge(List<PhiEntity> candidates) {
        List<PhiEntity> byStart = new ArrayList<>(candidates);
        byStart.sort(Comparator.comparingInt(PhiEntity::start).thenComparing(PRECEDENCE));
        List<PhiEntity> merged = new ArrayList<>();
        List<PhiEntity> group = new ArrayList<>();
        int groupEnd = -1;
        for (PhiEntity candidate : byStart) {
            if (!group.isEmpty() && candidate.start() >= groupEnd) {
                merged.add(union(group, groupEnd));
                group.clear();
            }
            group.add(candidate);
            groupEnd = Math.max(groupEnd, candidate.end());
        }
        if (!group.isEmpty()) {
            merged.add(union(group, groupEnd));
        }
        return List.copyOf(merged);
    }

    private static PhiEntity union(List<PhiEntity> group, int end) {
        PhiEntity representative = group.stream().min(REPRESENTATIVE).orElseThrow();
        int start = group.getFirst().start();
        double score = group.stream().mapToDouble(PhiEntity::score).max().orElseThrow();
        return new PhiEntity(
                representative.type(), representative.subtype(), start, end, score, representative.detector());
    }

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
