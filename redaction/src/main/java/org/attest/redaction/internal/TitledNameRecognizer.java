package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Names after a courtesy or professional title: {@code Dr. Alice Nguyen}, {@code Mr. O'Brien}, {@code Mrs.
 * Smith-Jones}, {@code Dr. van der Berg}. One to three capitalised words (or initials), with name particles between
 * them; the title stays, the name is redacted. {@code Dr.}/{@code Doctor} give subtype {@code DOCTOR}, the others
 * {@code PERSON}. Words that follow a name but are not part of it (credentials, weekdays, months, pronouns) end it.
 * In a note typed all in lower case, {@code dr. többen} is a name too (one word, the title with its dot).
 */
final class TitledNameRecognizer implements Recognizer {

    static final String NAME = "titled-name";

    private static final double SCORE = 0.85;
    private static final int MAX_WORDS = 3;

    private static final String WORD = "(?:\\p{Lu}\\.|\\p{Lu}\\p{L}*+(?:['’-]\\p{Lu}\\p{L}*+)*+)";
    private static final String PARTICLES = "(?:(?:van|von|der|den|de|del|della|di|da|du|la|le|st\\.)\\h++){0,3}+";

    // Upper-case abbreviations need their dot: "MS" alone is multiple sclerosis, "DR" a drive.
    private static final Pattern TITLED = Pattern.compile("(?<![\\p{L}\\p{N}])(?<title>"
            + "(?:Mrs|Mr|Ms|Mx|Dr|MRS|MR|MS|DR)\\.\\h*+|(?:Mrs|Mr|Ms|Mx|Dr|Miss|Doctor)\\h++)"
            + "(?<name>" + PARTICLES + WORD + "(?:\\h++" + PARTICLES + WORD + "){0," + (MAX_WORDS - 1) + "})");

    private static final Pattern ONE_WORD = Pattern.compile(WORD);

    /** {@code dr. többen} in a note typed all in lower case: one word after an abbreviated title with its dot. */
    private static final Pattern LOWER_CASE_TITLED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?<title>(?:mrs|mr|ms|mx|dr)\\.\\h*+)(?<name>\\p{Ll}[\\p{Ll}'’-]*+)(?![\\p{L}\\p{N}])");

    private static final Set<String> NOT_A_NAME = Set.of(String.join(
                    " ",
                    "md do rn np pa pa-c phd dds dmd dpm mbbs pharmd aprn crna lpn facs facp facc",
                    "the and or in on at to for from with of is was will has had he she they we i pt patient",
                    "monday tuesday wednesday thursday friday saturday sunday",
                    "january february march april may june july august september october november december")
            .split(" "));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        Matcher m = TITLED.matcher(text);
        while (m.find()) {
            int end = nameEnd(text, m.start("name"), m.end("name"));
            if (end > m.start("name")) {
                PhiKind kind = m.group("title").startsWith("D") ? PhiKind.DOCTOR : PhiKind.PERSON;
                found.add(kind.entity(m.start("name"), end, SCORE, NAME));
            }
        }
        Matcher lower = LOWER_CASE_TITLED.matcher(text);
        while (lower.find()) {
            String name = lower.group("name");
            if (!NOT_A_NAME.contains(name) && typedInLowerCase(text, lower.start(), lower.end())) {
                PhiKind kind = lower.group("title").startsWith("d") ? PhiKind.DOCTOR : PhiKind.PERSON;
                found.add(kind.entity(lower.start("name"), lower.end("name"), SCORE, NAME));
            }
        }
        return found;
    }

    /**
     * Whether the sentence around a lower-case title and name has no capitalised word (all-capital abbreviations such
     * as {@code MRN} aside); the title's own dot does not end the sentence.
     */
    private static boolean typedInLowerCase(String text, int start, int end) {
        return !Sentences.hasCapitalisedWord(Sentences.around(text, start, end));
    }

    /** Where the name really ends: before the first capitalised word that is not a name, if any. */
    private static int nameEnd(String text, int start, int end) {
        Matcher word = ONE_WORD.matcher(text).region(start, end);
        int nameEnd = start;
        while (word.find()) {
            String lower = text.substring(word.start(), word.end()).toLowerCase(Locale.ROOT);
            if (NOT_A_NAME.contains(lower)) {
                break;
            }
            nameEnd = word.end();
        }
        return nameEnd;
    }
}
