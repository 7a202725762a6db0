package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Professions where the sentence says one follows: after {@code works as a}, {@code worked as an}, {@code employed as},
 * {@code trained as} or {@code retired}, or after an {@code Occupation:} / {@code Job:} / {@code Profession:} label. One to
 * three words, ending at punctuation or at a word that starts what comes next ({@code at}, {@code for}, {@code and},
 * ...). Without the context there is nothing to tell {@code nurse} the job from {@code nurse} the caregiver; with it
 * there is.
 */
final class ProfessionContextRecognizer implements Recognizer {

    static final String NAME = "profession-context";

    private static final double SCORE = 0.8;
    private static final int MAX_WORDS = 3;

    private static final Pattern CONTEXT = Pattern.compile(
            "(?<![\\p{L}])(?:"
                    + "(?:works?|worked|working|employed|trained|retired)\\h+(?:full[\\h-]time\\h+|part[\\h-]time\\h+)?as"
                    + "\\h+(?:an?\\h+|the\\h+)?"
                    + "|(?:occupation|profession|job|employment)\\h*(?::|\\h-)\\h*(?:an?\\h+)?"
                    + "|retired\\h+)"
                    + "(?<words>\\p{L}[\\p{L}'-]*+(?:\\h+\\p{L}[\\p{L}'-]*+){0," + (MAX_WORDS - 1) + "})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'-]*+");

    /** Words that end a profession: what follows it in a sentence. */
    private static final Set<String> ENDS = Set.of(String.join(
                    " ",
                    "at for in on with and or but until since who that which when while where from by of to after",
                    "before because so is was has had he she they his her their the a an currently now today",
                    "recently last this about over")
            .split(" "));

    /** What the words after the context may be that is not a profession. */
    private static final Set<String> NOT_A_PROFESSION = Set.of(String.join(
                    " ",
                    "result well usual whole team same needed tolerated prescribed directed before expected intended designed",
                    "described such planned instructed",
                    "unemployed none unknown disabled disability retired student n/a na not no yes",
                    "early two three years year months ago")
            .split(" "));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        Matcher m = CONTEXT.matcher(text);
        while (m.find()) {
            int end = professionEnd(text, m.start("words"), m.end("words"));
            if (end > m.start("words")) {
                found.add(PhiKind.PROFESSION.entity(m.start("words"), end, SCORE, NAME));
            }
        }
        return found;
    }

    /** The end of the profession's words: before the first word that ends it; -1 when its first word is no job. */
    private static int professionEnd(String text, int start, int end) {
        Matcher word = WORD.matcher(text).region(start, end);
        int professionEnd = start;
        boolean first = true;
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (ENDS.contains(lower) || (first && NOT_A_PROFESSION.contains(lower))) {
                break;
            }
            first = false;
            professionEnd = word.end();
        }
        return professionEnd;
    }
}
