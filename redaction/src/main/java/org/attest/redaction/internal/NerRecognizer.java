package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;
import org.attest.serving.EntitySpan;
import org.attest.serving.ModelState;
import org.attest.serving.ModelStatus;
import org.attest.serving.TokenClassifier;

/**
 * Names, places, organisations and professions found by the token-classification model behind the {@code phi-ner}
 * alias, through serving's public API. Labels of the project's own model ({@code PATIENT}, {@code DOCTOR}, {@code
 * HOSPITAL}, ...) and of common de-identification exports ({@code STAFF}, {@code HCW}, {@code PATORG}, {@code LOC},
 * ...) map to the i2b2 categories; an unknown label is reported as an {@code ID} so that it is never dropped. The
 * model's spans are joined, trimmed, then completed to the whole name ({@link NerSpanCompletion}).
 */
final class NerRecognizer implements Recognizer {

    static final String NAME = "phi-ner";

    private static final Map<String, PhiType> TYPES = Map.ofEntries(
            Map.entry("PATIENT", PhiType.NAME),
            Map.entry("DOCTOR", PhiType.NAME),
            Map.entry("PERSON", PhiType.NAME),
            Map.entry("PER", PhiType.NAME),
            Map.entry("NAME", PhiType.NAME),
            Map.entry("STAFF", PhiType.NAME),
            Map.entry("HCW", PhiType.NAME),
            Map.entry("USERNAME", PhiType.NAME),
            Map.entry("PROFESSION", PhiType.PROFESSION),
            Map.entry("HOSPITAL", PhiType.LOCATION),
            Map.entry("HOSP", PhiType.LOCATION),
            Map.entry("ORGANIZATION", PhiType.LOCATION),
            Map.entry("ORG", PhiType.LOCATION),
            Map.entry("PATORG", PhiType.LOCATION),
            Map.entry("VENDOR", PhiType.LOCATION),
            Map.entry("STREET", PhiType.LOCATION),
            Map.entry("CITY", PhiType.LOCATION),
            Map.entry("STATE", PhiType.LOCATION),
            Map.entry("COUNTRY", PhiType.LOCATION),
            Map.entry("ZIP", PhiType.LOCATION),
            Map.entry("LOC", PhiType.LOCATION),
            Map.entry("LOCATION", PhiType.LOCATION),
            Map.entry("AGE", PhiType.AGE),
            Map.entry("DATE", PhiType.DATE),
            Map.entry("PHONE", PhiType.CONTACT),
            Map.entry("FAX", PhiType.CONTACT),
            Map.entry("EMAIL", PhiType.CONTACT),
            Map.entry("URL", PhiType.CONTACT),
            Map.entry("CONTACT", PhiType.CONTACT));

    /** Words no name, place or profession is. */
    private static final Set<String> FUNCTION_WORDS = Set.of(String.join(
                    " ",
                    "a an the and or but nor of in on at to for from by with without into onto over under about as",
                    "is was are were be been being has have had do does did will would can could should may might",
                    "he she it they we you i me him her his hers its their them our us your my this that these those",
                    "who whom whose which what when where why how not no yes so if then than there here also very",
                    "patient pt doctor nurse")
            .split(" "));

    /** A word of a span, as the abbreviation trimming sees it: letters, digits and the joiners inside them. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[/&'’.-]?[\\p{L}\\p{N}])*+");

    private final TokenClassifier classifier;

    NerRecognizer(TokenClassifier classifier) {
        this.classifier = classifier;
    }

    /** Whether the model can be asked now. */
    boolean ready() {
        return classifier.status().state() == ModelState.READY;
    }

    /** The model's state, for health reports. */
    ModelStatus status() {
        return classifier.status();
    }

    /** The model version that answers, {@code name:version}. */
    String modelId() {
        return classifier.status().version().id();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        return findAll(List.of(text)).getFirst();
    }

    @Override
    public List<List<PhiEntity>> findAll(List<String> texts) {
        List<List<EntitySpan>> spans = classifier.classify(texts);
        List<List<PhiEntity>> found = new ArrayList<>(texts.size());
        // Joined and trimmed first: completion's legal suffixes ("CV", "AS") would read as clinical abbreviations.
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            found.add(NerSpanCompletion.completed(text, joined(text, spans.get(i))).stream()
                    .map(NerRecognizer::entity)
                    .toList());
        }
        return found;
    }

    /**
     * Spans of one category separated only by blanks become one ({@code Margaret} {@code Okafor} tagged as two names is
     * one person, one pseudonym); spans without a letter or digit (an emoji read as an unknown token) are dropped.
     */
    static List<EntitySpan> joined(String text, List<EntitySpan> spans) {
        List<EntitySpan> out = new ArrayList<>();
        for (EntitySpan span : spans) {
            EntitySpan last = out.isEmpty() ? null : out.getLast();
            if (last != null
                    && type(last.label()) == type(span.label())
                    && span.start() >= last.end()
                    && text.substring(last.end(), span.start()).isBlank()
                    && span.start() - last.end() <= 2) {
                out.set(
                        out.size() - 1,
                        new EntitySpan(last.label(), last.start(), span.end(), Math.max(last.score(), span.score())));
            } else {
                out.add(span);
            }
        }
        // Judged after joining: "forklift operator" is one span of two lower-case words, not two lone words.
        return out.stream()
                .map(span -> trimmed(text, span))
                .flatMap(Optional::stream)
                .filter(span -> plausible(text, span))
                .toList();
    }

    /**
     * The span without what no name begins or ends with: all-capital clinical abbreviations at its edges ({@code SSN
     * 123-45} → {@code 123-45}, {@code DOB 03} → {@code 03}; the label in front of a number is not part of it), in a
     * sentence with lower-case letters where capitals mean an abbreviation, and lower-case function words at its edges
     * ({@code aspirin and} → {@code aspirin}) in a sentence with capitals. Empty when nothing else is left.
     */
    static Optional<EntitySpan> trimmed(String text, EntitySpan span) {
        boolean cased = sentenceHasCapitals(text, span.start(), span.end());
        boolean lowerCase = sentenceHasLowerCase(text, span.start(), span.end());
        int start = span.start();
        int end = span.end();
        Matcher word = WORD.matcher(text).region(start, end);
        List<int[]> words = new ArrayList<>();
        while (word.find()) {
            words.add(new int[] {word.start(), word.end()});
        }
        int first = 0;
        int last = words.size() - 1;
        while (first <= last && notOfAName(text, words.get(first), cased, lowerCase)) {
            first++;
        }
        while (last >= first && notOfAName(text, words.get(last), cased, lowerCase)) {
            last--;
        }
        if (first > last) {
            return Optional.empty();
        }
        if (first == 0 && last == words.size() - 1) {
            return Optional.of(span);
        }
        return Optional.of(new EntitySpan(span.label(), words.get(first)[0], words.get(last)[1], span.score()));
    }

    private static boolean notOfAName(String text, int[] word, boolean cased, boolean lowerCase) {
        String covered = text.substring(word[0], word[1]);
        return (lowerCase && ClinicalAllowList.isAbbreviation(covered))
                || (cased
                        && covered.codePoints().noneMatch(Character::isUpperCase)
                        && FUNCTION_WORDS.contains(covered));
    }

    /**
     * Whether a span can be PHI at all: it has a letter or digit, is not a function word ("the", "in"), and a one-word
     * name or place written in lower case inside a sentence that has capitals ("palpation" in a cased note) is a
     * clinical word the model mistook. In a sentence typed all in lower case, lower-case names stay candidates; so do
     * spans of several words ("elm street") and professions.
     */
    static boolean plausible(String text, EntitySpan span) {
        String covered = text.substring(span.start(), span.end());
        if (covered.codePoints().noneMatch(Character::isLetterOrDigit)
                || FUNCTION_WORDS.contains(covered.toLowerCase(Locale.ROOT))) {
            return false;
        }
        PhiType type = type(span.label());
        if (type != PhiType.NAME && type != PhiType.LOCATION) {
            return true;
        }
        boolean lowerCaseWord =
                covered.codePoints().noneMatch(c -> Character.isUpperCase(c) || Character.isWhitespace(c));
        return !lowerCaseWord || !sentenceHasCapitals(text, span.start(), span.end());
    }

    private static boolean sentenceHasLowerCase(String text, int start, int end) {
        return Sentences.around(text, start, end).codePoints().anyMatch(Character::isLowerCase);
    }

    private static boolean sentenceHasCapitals(String text, int start, int end) {
        return Sentences.around(text, start, end).codePoints().anyMatch(Character::isUpperCase);
    }

    private static PhiType type(String label) {
        return TYPES.getOrDefault(label.toUpperCase(Locale.ROOT), PhiType.ID);
    }

    static PhiEntity entity(EntitySpan span) {
        String label = span.label().toUpperCase(Locale.ROOT);
        PhiType type = type(label);
        String subtype = switch (label) {
            case "STAFF", "HCW" -> "DOCTOR";
            case "PER", "PERSON", "NAME" -> "PERSON";
            case "HOSP" -> "HOSPITAL";
            case "ORG", "PATORG", "VENDOR" -> "ORGANIZATION";
            case "LOC" -> "LOCATION";
            default -> label;
        };
        return new PhiEntity(type, subtype, span.start(), span.end(), span.score(), NAME);
    }
}
