package org.attest.serving.internal;

import java.util.ArrayList;
import java.util.List;
import org.attest.serving.EntitySpan;
import org.jspecify.annotations.Nullable;

/**
 * Turns per-token labels into entities (BIO/IOB2, lenient like Hugging Face's "simple" aggregation): an entity opens
 * at {@code B-X}, or at {@code I-X} that does not continue an {@code X}; it goes on over {@code I-X}, and over a
 * {@code B-X} inside the same word (a sub-word cannot start a new entity). Every entity is then widened to whole
 * words, so that a name split into sub-words never leaves a visible tail ({@code Smi[th]}), and never ends inside a
 * surrogate pair. A token without a letter or digit (punctuation, an emoji read as an unknown token) may sit inside
 * an entity but never opens or ends one.
 */
final class BioDecoder {

    private BioDecoder() {}

    /**
     * @param text the original text
     * @param tokens its tokens with UTF-16 spans
     * @param labels the label id chosen for each token
     * @param probabilities the probability of that label, per token
     */
    static List<EntitySpan> decode(
            String text, TokenizedText tokens, TokenLabels labelSet, int[] labels, float[] probabilities) {
        List<EntitySpan> spans = new ArrayList<>();
        Open open = null;
        for (int i = 0; i < tokens.length(); i++) {
            String type = labelSet.entity(labels[i]);
            if (type == null || tokens.ends()[i] <= tokens.starts()[i]) {
                open = close(text, open, spans);
                continue;
            }
            boolean sameWord =
                    i > 0 && tokens.starts()[i] == tokens.ends()[i - 1] && wordChar(text, tokens.starts()[i]);
            boolean wordy = hasWordChar(text, tokens.starts()[i], tokens.ends()[i]);
            if (open != null && open.type.equals(type) && (!labelSet.begins(labels[i]) || sameWord)) {
                // Punctuation and emoji may sit inside an entity ("St. Mary's") but never end one.
                if (wordy) {
                    open.end = tokens.ends()[i];
                    open.sum += probabilities[i];
                    open.count++;
                }
            } else if (!wordy) {
                open = close(text, open, spans);
            } else {
                close(text, open, spans);
                open = new Open(type, tokens.starts()[i], tokens.ends()[i], probabilities[i]);
            }
        }
        close(text, open, spans);
        return merged(spans);
    }

    private static @Nullable Open close(String text, @Nullable Open open, List<EntitySpan> spans) {
        if (open != null) {
            int start = open.start;
            int end = open.end;
            while (start > 0 && wordChar(text, start - 1)) {
                start--;
            }
            while (end < text.length() && wordChar(text, end)) {
                end++;
            }
            if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
                start--;
            }
            if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                end++;
            }
            double score = Math.min(1.0, Math.max(0.0, open.sum / open.count));
            spans.add(new EntitySpan(open.type, start, end, score));
        }
        return null;
    }

    /** Widening can make neighbours touch or overlap: those of one type become one entity. */
    private static List<EntitySpan> merged(List<EntitySpan> spans) {
        List<EntitySpan> out = new ArrayList<>();
        for (EntitySpan span : spans) {
            EntitySpan last = out.isEmpty() ? null : out.getLast();
            if (last != null && span.start() < last.end()) {
                out.set(
                        out.size() - 1,
                        new EntitySpan(
                                last.label(),
                                last.start(),
                                Math.max(last.end(), span.end()),
                                Math.max(last.score(), span.score())));
            } else {
                out.add(span);
            }
        }
        return out;
    }

    private static boolean hasWordChar(String text, int start, int end) {
        return text.substring(start, end).codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean wordChar(String text, int index) {
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c)
                || Character.isSurrogate(c)
                        && Character.isLetterOrDigit(
                                text.codePointAt(Character.isLowSurrogate(c) && index > 0 ? index - 1 : index));
    }

    /** The entity being read. */
    private static final class Open {
        final String type;
        final int start;
        int end;
        double sum;
        int count = 1;

        Open(String type, int start, int end, double probability) {
            this.type = type;
            this.start = start;
            this.end = end;
            this.sum = probability;
        }
    }
}
