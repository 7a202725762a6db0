package org.attest.serving.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One unit of a clinical text that a summary can quote: a sentence of prose, a sentence of a dialogue turn, a bullet
 * item, or a section header (which is never quoted on its own).
 *
 * @param kind what the unit is
 * @param text the unit as the source shows it; for a turn, with its speaker ({@code Patient: ...})
 * @param content what the encoder sees: the text without speaker or bullet marker
 * @param block the number of the paragraph, turn, item or header it belongs to, counted from 0 in reading order
 */
record NoteUnit(Kind kind, String text, String content, int block) {

    /** Words a speaker opens with that carry nothing a clinician would write down. */
    private static final Pattern LEADING_FILLERS = Pattern.compile(
            "^(?:(?:um+|uh+|hmm+|mm+|well|so|okay|ok|oh|yeah|yes|yep|right|alright|actually|honestly|like)"
                    + "\\b[,.!]*\\s+)+",
            Pattern.CASE_INSENSITIVE);

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

    /** This unit without the spoken fillers it starts with ({@code Um, well, yeah, I...}), when words are left. */
    NoteUnit withoutLeadingFillers() {
        Matcher filler = LEADING_FILLERS.matcher(content);
        if (!filler.find() || filler.end() == content.length()) {
            return this;
        }
        String rest = content.substring(filler.end());
        return new NoteUnit(kind, label() + rest, rest, block);
    }

    /** Whether this is a sentence of the patient's turn (not a question joined with the patient's answer). */
    boolean spokenByPatient() {
        return kind == Kind.TURN && label().toLowerCase(Locale.ROOT).startsWith("patient");
    }

    /** Whether this is a question in a dialogue turn. */
    boolean asks() {
        return kind == Kind.TURN && content.endsWith("?");
    }

    /** Whether this is a dialogue turn by another speaker than {@code question}'s. */
    boolean answers(NoteUnit question) {
        return kind == Kind.TURN && question.kind == Kind.TURN && !label().equals(question.label());
    }

    /** A question and its answer as one unit (the source text of both turns; one line in a summary); the answer's block, so that the rest of
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

    /** Words that deny or negate, as {@link #normalized()} spells them ({@code don't} is {@code don t}). */
    static final Set<String> NEGATIONS =
            Set.of("no", "not", "none", "nope", "nah", "never", "nothing", "denies", "deny", "negative", "t");

    /** The number of words in the content that are {@link #NEGATIONS}. */
    int negations() {
        String normalized = normalized();
        return normalized.isEmpty()
                ? 0
                : (int) Arrays.stream(normalized.split(" "))
                        .filter(NEGATIONS::contains)
                        .count();
    }

    /** The number of words (runs of letters or digits) in the content. */
    int words() {
        String normalized = normalized();
        return normalized.isEmpty() ? 0 : normalized.split(" ").length;
    }

    /**
     * Joins units into a summary in the order given: sentences of one paragraph, or of one turn, run on;
     * anything else starts a line. Dialogue turns are shown without their speaker tag ({@code Doctor:}), one turn a
     * line: the tags are not clinical content (they would be a tenth of a short summary's words), a reviewer sees the
     * tagged source beside the draft, and who said what is plain from the wording ({@code I have...} is the patient).
     * A question joined with its short answer is one line ({@code Any drug allergies? No.}).
     */
    static String render(List<NoteUnit> units) {
        StringBuilder summary = new StringBuilder();
        NoteUnit previous = null;
        for (NoteUnit unit : units) {
            if (previous != null && previous.continuedBy(unit)) {
                summary.append(' ').append(unit.kind == Kind.TURN ? unit.content : unit.text);
            } else {
                summary.append(previous == null ? "" : "\n").append(unit.kind == Kind.TURN ? unit.content : unit.text);
            }
            previous = unit;
        }
        return summary.toString();
    }

    /** A piece of an over-long sentence ends without punctuation: the next piece starts a line, so no gap is hidden. */
    private boolean continuedBy(NoteUnit next) {
        return block == next.block
                && kind == next.kind
                && (kind == Kind.SENTENCE || kind == Kind.TURN)
                && content.matches(".*[.!?][\"')\\]]*");
    }
}
