package org.attest.serving.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One unit of a clinical text that a summary can quote: a sentence of prose, a sentence of a dialogue turn, a bullet
 * item, or a section header (which is never quoted on its own).
 *
 * @param kind what the unit is
 * @param text the unit as a summary shows it; for a turn, with its speaker ({@code Patient: ...})
 * @param content what the encoder sees: the text without speaker or bullet marker
 * @param block the number of the paragraph, turn, item or header it belongs to, counted from 0 in reading order
 */
record NoteUnit(Kind kind, String text, String content, int block) {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** What a unit is. */
    enum Kind {
        SENTENCE,
        TURN,
        BULLET,
        HEADER
    }

    /** The content in lower case with punctuation and spacing folded, to tell verbatim duplicates apart. */
    String normalized() {
        return NOT_ALPHANUMERIC
                .matcher(content.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }

    /** Whether this is a question in a dialogue turn. */
    boolean asks() {
        return kind == Kind.TURN && content.endsWith("?");
    }

    /** Whether this is a dialogue turn by another speaker than {@code question}'s. */
    boolean answers(NoteUnit question) {
        return kind == Kind.TURN && question.kind == Kind.TURN && !label().equals(question.label());
    }

    /** A question and its answer as one unit: both turns shown, on two lines; the answer's block, so that the rest of
     * the answering turn runs on after it. */
    NoteUnit joinedWith(NoteUnit answer) {
        return new NoteUnit(kind, text + "\n" + answer.text, content + " " + answer.content, answer.block);
    }

    /** This unit cut into pieces of at most {@code maxWords} white-space separated words, each keeping the label. */
    List<NoteUnit> pieces(int maxWords) {
        String[] tokens = content.split("\\s+");
        if (tokens.length <= maxWords) {
            return List.of(this);
        }
        List<NoteUnit> pieces = new ArrayList<>();
        for (int start = 0; start < tokens.length; start += maxWords) {
            String piece =
                    String.join(" ", Arrays.copyOfRange(tokens, start, Math.min(tokens.length, start + maxWords)));
            pieces.add(new NoteUnit(kind, label() + piece, piece, block));
        }
        return pieces;
    }

    /** What the text shows before the content: {@code Doctor: } for a turn, the marker for a bullet, else nothing. */
    private String label() {
        return text.endsWith(content) ? text.substring(0, text.length() - content.length()) : "";
    }

    /** The number of words (runs of letters or digits) in the content. */
    int words() {
        String normalized = normalized();
        return normalized.isEmpty() ? 0 : normalized.split(" ").length;
    }

    /**
     * Joins units into a summary in the order given: consecutive sentences of one paragraph, or of one turn, run on
     * (the speaker said once); anything else starts a line.
     */
    static String render(List<NoteUnit> units) {
        StringBuilder summary = new StringBuilder();
        NoteUnit previous = null;
        for (NoteUnit unit : units) {
            if (previous != null && previous.continuedBy(unit)) {
                summary.append(' ').append(unit.kind == Kind.TURN ? unit.content : unit.text);
            } else {
                summary.append(previous == null ? "" : "\n").append(unit.text);
            }
            previous = unit;
        }
        return summary.toString();
    }

    private boolean continuedBy(NoteUnit next) {
        return block == next.block && kind == next.kind && (kind == Kind.SENTENCE || kind == Kind.TURN);
    }
}
