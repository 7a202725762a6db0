package org.attest.serving.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.serving.internal.NoteUnit.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a clinical text into {@link NoteUnit}s, line by line: section headers, bullet items, dialogue turns
 * ({@code Doctor: ...}, {@code [patient] ...}, {@code Guest_family: ...}) split into sentences that keep their
 * speaker, and prose paragraphs (lines up to a blank line) split into sentences. A line without a marker right after
 * a turn continues that turn.
 */
final class NoteSegmenter {

    private static final Pattern BULLET = Pattern.compile("(?:[-*•‣◦–—]|\\d{1,2}[.)])\\s+(\\S.*)");
    private static final Pattern BRACKET_SPEAKER = Pattern.compile("\\[([\\p{L}][\\p{L}\\d _-]{0,30})]\\s*(.*)");
    private static final Pattern COLON_SPEAKER = Pattern.compile("([\\p{L}][\\p{L}\\d _.-]{0,30}?)\\s*:\\s*(.*)");
    private static final Pattern LABEL_SEPARATOR = Pattern.compile("[\\s_.-]+");

    /** Who speaks in transcripts ({@code Doctor}, {@code Guest_clinician}), misspellings seen in real data included. */
    private static final Set<String> SPEAKERS = Set.of(
            "doctor",
            "docotr",
            "dr",
            "physician",
            "clinician",
            "clinican",
            "provider",
            "nurse",
            "patient",
            "guest",
            "gest",
            "caregiver",
            "interpreter",
            "speaker");

    /** Words that may follow the speaker in a label ({@code Guest_family_1}); alone, {@code Mother:} is prose. */
    private static final Set<String> SPEAKER_QUALIFIERS = Set.of("family", "mother", "father", "parent");

    private NoteSegmenter() {}

    /** The units of a text, in reading order. */
    static List<NoteUnit> segment(String text) {
        Segmentation segmentation = new Segmentation();
        for (String line : text.split("\\R")) {
            segmentation.accept(line.strip());
        }
        segmentation.flush();
        return segmentation.units;
    }

    /** The state of one pass over a text: the paragraph collected so far and the speaker of the current turn. */
    private static final class Segmentation {

        private final List<NoteUnit> units = new ArrayList<>();
        private final StringBuilder paragraph = new StringBuilder();
        private @Nullable String speaker;
        private int block;

        void accept(String line) {
            if (line.isEmpty()) {
                flush();
                speaker = null;
                return;
            }
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                flush();
                speaker = null;
                units.add(new NoteUnit(Kind.BULLET, line, bullet.group(1), block++));
                return;
            }
            Matcher turn = speakerTurn(line);
            if (turn != null) {
                flush();
                speaker = speakerName(turn.group(1));
                paragraph.append(turn.group(2));
                return;
            }
            if (isHeader(line)) {
                flush();
                speaker = null;
                String title = line.replaceAll("^#+\\s*|\\s*:$", "");
                String header = title.isEmpty() ? line : title;
                units.add(new NoteUnit(Kind.HEADER, header, header, block++));
                return;
            }
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
        }

        void flush() {
            if (paragraph.isEmpty()) {
                return;
            }
            for (String sentence : SentenceSplitter.split(paragraph.toString())) {
                units.add(
                        speaker == null
                                ? new NoteUnit(Kind.SENTENCE, sentence, sentence, block)
                                : new NoteUnit(Kind.TURN, speaker + ": " + sentence, sentence, block));
            }
            paragraph.setLength(0);
            block++;
        }
    }

    private static @Nullable Matcher speakerTurn(String line) {
        for (Pattern pattern : List.of(BRACKET_SPEAKER, COLON_SPEAKER)) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.matches() && isSpeaker(matcher.group(1))) {
                return matcher;
            }
        }
        return null;
    }

    /** {@code Doctor}, {@code Guest_family_1}, {@code patient guest}; not {@code Patient states} or {@code Mother}. */
    private static boolean isSpeaker(String label) {
        String[] words = LABEL_SEPARATOR.split(label.toLowerCase(Locale.ROOT));
        for (int i = 0; i < words.length; i++) {
            String word = words[i].replaceAll("\\d+$", "");
            boolean known = SPEAKERS.contains(word) || (i > 0 && SPEAKER_QUALIFIERS.contains(word));
            if (!known && !(i > 0 && word.isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /** {@code Guest_family_1} reads as {@code Guest family 1}, {@code doctor} as {@code Doctor}. */
    private static String speakerName(String label) {
        String name = label.replace('_', ' ').strip();
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /**
     * A header is a Markdown heading, a short line ending in a colon, or a short all-capitals line without final
     * punctuation ({@code HISTORY OF PRESENT ILLNESS}).
     */
    static boolean isHeader(String line) {
        int words = line.split("\\s+").length;
        if (line.startsWith("#")) {
            return true;
        }
        if (line.endsWith(":")) {
            return words <= 8;
        }
        boolean hasCapitals = line.codePoints().filter(Character::isUpperCase).count() >= 2;
        boolean noLowerCase = line.codePoints().noneMatch(Character::isLowerCase);
        boolean noFinalPunctuation = !line.matches(".*[.!?]$");
        return hasCapitals && noLowerCase && noFinalPunctuation && words <= 10;
    }
}
