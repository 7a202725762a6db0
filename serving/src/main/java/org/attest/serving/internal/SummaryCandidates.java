package org.attest.serving.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attest.serving.internal.NoteUnit.Kind;

/**
 * The units a summary may quote, in reading order: the text's units other than headers; a dialogue question joined
 * with a short answer from the other speaker ({@code Doctor: Any allergies?} + {@code Patient: No.} is one fact);
 * units longer than {@link #MAX_WORDS} words cut into pieces the encoder sees whole; verbatim repeats removed; only
 * units of at least {@link #MIN_WORDS} words ({@code Okay.} says nothing alone) unless none has that many. Only the
 * first {@link #MAX_UNITS} candidates are kept: this bounds the work of one summary whatever the input size (the API
 * caps input at 20,000 characters, about 300 sentences).
 */
final class SummaryCandidates {

    static final int MAX_UNITS = 400;
    static final int MIN_WORDS = 3;

    /** About 200 word pieces: within the encoder's 256-token window, so no unit is silently truncated. */
    static final int MAX_WORDS = 150;

    /** An answer this short is joined to the question before it. */
    static final int SHORT_ANSWER_WORDS = 4;

    private SummaryCandidates() {}

    /** The candidates of a segmented text. */
    static List<NoteUnit> of(List<NoteUnit> units) {
        List<NoteUnit> content = new ArrayList<>();
        for (NoteUnit unit :
                joinAnswers(units.stream().filter(u -> u.kind() != Kind.HEADER).toList())) {
            content.addAll(unit.withoutLeadingFillers().pieces(MAX_WORDS));
        }
        List<NoteUnit> substantial =
                content.stream().filter(unit -> unit.words() >= MIN_WORDS).toList();
        List<NoteUnit> pool = !substantial.isEmpty() ? substantial : !content.isEmpty() ? content : units;
        List<NoteUnit> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NoteUnit unit : pool) {
            if (candidates.size() == MAX_UNITS) {
                break;
            }
            if (seen.add(unit.normalized())) {
                candidates.add(unit);
            }
        }
        return candidates;
    }

    /** The words of a text's content (headers and speaker labels not counted). */
    static int words(List<NoteUnit> units) {
        return units.stream()
                .filter(unit -> unit.kind() != Kind.HEADER)
                .mapToInt(NoteUnit::words)
                .sum();
    }

    private static List<NoteUnit> joinAnswers(List<NoteUnit> units) {
        List<NoteUnit> joined = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            NoteUnit unit = units.get(i);
            NoteUnit next = i + 1 < units.size() ? units.get(i + 1) : null;
            if (next != null && unit.asks() && next.answers(unit) && next.words() <= SHORT_ANSWER_WORDS) {
                joined.add(unit.joinedWith(next));
                i++;
            } else {
                joined.add(unit);
            }
        }
        return joined;
    }
}
