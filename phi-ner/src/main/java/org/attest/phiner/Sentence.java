package org.attest.phiner;

import java.util.ArrayList;
import java.util.List;

/**
 * One corpus sentence and its gold PHI spans.
 *
 * @param text the sentence
 * @param spans gold entities, sorted by start, non-overlapping, UTF-16 offsets into {@code text}
 */
public record Sentence(String text, List<Span> spans) {

    public Sentence {
        spans = List.copyOf(spans);
    }

    /**
     * One gold entity.
     *
     * @param start start (inclusive)
     * @param end end (exclusive)
     * @param label the entity type, e.g. {@code PATIENT}
     */
    public record Span(int start, int end, String label) {}

    /** This sentence followed by a separator and another one, spans shifted. */
    public Sentence then(String separator, Sentence next) {
        List<Span> joined = new ArrayList<>(spans);
        int shift = text.length() + separator.length();
        for (Span span : next.spans) {
            joined.add(new Span(span.start + shift, span.end + shift, span.label));
        }
        return new Sentence(text + separator + next.text, joined);
    }
}
