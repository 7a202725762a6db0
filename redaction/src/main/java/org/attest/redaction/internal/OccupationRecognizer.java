package org.attest.redaction.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Trades and jobs from a gazetteer ({@code occupations.txt} beside this class: non-clinical occupations after the US
 * Standard Occupational Classification, without the care team's roles and without words that have a clinical or
 * everyday sense), reported as {@code PROFESSION}: {@code the stonemason noted}, {@code is a retired park ranger}. A
 * whole-word match, singular or plural, never in the possessive ({@code farmer's lung}); in a cased note (a
 * capitalised word nearby) only in lower case, since a capitalised {@code Baker} or {@code Carpenter} there is a
 * surname.
 */
final class OccupationRecognizer implements Recognizer {

    static final String NAME = "occupation";

    private static final double SCORE = 0.75;
    private static final String RESOURCE = "occupations.txt";

    private static final Set<String> OCCUPATIONS = Set.copyOf(read());
    private static final int MAX_WORDS =
            OCCUPATIONS.stream().mapToInt(o -> o.split(" ").length).max().orElse(1);

    /** A word as the gazetteer spells them: letters, with hyphens inside ({@code long-haul}). */
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}'’-])\\p{L}++(?:-\\p{L}++)*+");

    private static final int CASED_WINDOW = 80;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        List<int[]> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(new int[] {word.start(), word.end()});
        }
        for (int i = 0; i < words.size(); i++) {
            int end = longestMatch(text, words, i);
            if (end < 0) {
                continue;
            }
            int start = words.get(i)[0];
            boolean lowerCase = text.substring(start, end).codePoints().noneMatch(Character::isUpperCase);
            if (lowerCase || !casedAround(text, start, end)) {
                found.add(PhiKind.PROFESSION.entity(start, end, SCORE, NAME));
            }
            while (i + 1 < words.size() && words.get(i + 1)[0] < end) {
                i++;
            }
        }
        return found;
    }

    /**
     * The end of the longest gazetteer entry (singular or with {@code -s}/{@code -es}) made of the words from {@code
     * first} on, separated by blanks only, and not in the possessive; -1 when there is none.
     */
    private static int longestMatch(String text, List<int[]> words, int first) {
        StringBuilder phrase = new StringBuilder();
        int best = -1;
        for (int n = 0; n < MAX_WORDS && first + n < words.size(); n++) {
            int[] w = words.get(first + n);
            if (n > 0) {
                if (!blanks(text, words.get(first + n - 1)[1], w[0])) {
                    break;
                }
                phrase.append(' ');
            }
            phrase.append(text, w[0], w[1]);
            String lower = phrase.toString().toLowerCase(Locale.ROOT);
            if (known(lower) && !possessive(text, w[1])) {
                best = w[1];
            }
        }
        return best;
    }

    /** Whether {@code [from, to)} is one or more horizontal blanks (no line break, no punctuation). */
    private static boolean blanks(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\u00A0') {
                return false;
            }
        }
        return to > from;
    }

    private static boolean known(String lower) {
        return OCCUPATIONS.contains(lower)
                || (lower.endsWith("s") && OCCUPATIONS.contains(lower.substring(0, lower.length() - 1)))
                || (lower.endsWith("es") && OCCUPATIONS.contains(lower.substring(0, lower.length() - 2)));
    }

    private static boolean possessive(String text, int end) {
        return end + 1 < text.length()
                && (text.charAt(end) == '\'' || text.charAt(end) == '’')
                && Character.toLowerCase(text.charAt(end + 1)) == 's';
    }

    /** The gazetteer's entries, as read from the resource (for tests and the evaluation's split). */
    static List<String> occupations() {
        return read();
    }

    /**
     * Whether a capitalised word ({@code Ms}, {@code Seen}; not an all-capital abbreviation) stands within
     * {@link #CASED_WINDOW} characters of the match: then the note is cased and a capitalised trade is a surname.
     */
    private static boolean casedAround(String text, int start, int end) {
        return Sentences.hasCapitalisedWord(text.subSequence(Math.max(0, start - CASED_WINDOW), start))
                || Sentences.hasCapitalisedWord(text.subSequence(end, Math.min(text.length(), end + CASED_WINDOW)));
    }

    private static List<String> read() {
        try (InputStream in = OccupationRecognizer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
