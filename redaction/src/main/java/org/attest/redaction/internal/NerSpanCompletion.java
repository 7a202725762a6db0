package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.serving.EntitySpan;
import org.jspecify.annotations.Nullable;

/**
 * Completes the NER model's spans where the model stops inside a name whose shape is known: an organisation's parts
 * joined by commas and conjunctions ({@code Grant, Miller and Reynolds}) and its legal suffix ({@code Brenters CV},
 * {@code Ferri e figli}), the facility words after a hospital's name ({@code Jacobi Health System}), a street's house
 * number and unit ({@code 7125 Emanuel Crest}, {@code Rilkestr. 95a}, {@code Piazza Miriana 5, Piano 7}), and the noun
 * in front of a profession's head ({@code a park ranger}). Only spans the model found grow: nothing here finds PHI on
 * its own. Case-insensitive, for notes typed all in lower case.
 */
final class NerSpanCompletion {

    /** Between two parts of one organisation's name: {@code ", "}, {@code " and "}, {@code " & "}, {@code ", Rink und "}. */
    private static final Pattern ORGANIZATION_GAP =
            Pattern.compile("(?:\\h*+,\\h*+|\\h++)(?:(?i:and|und|en|et|e|y|og|och|&)\\h++)?"
                    + "(?:\\p{Lu}[\\p{L}'’-]*+(?:\\h*+,\\h*+|\\h++)(?:(?i:and|und|en|et|e|y|&)\\h++)?)?");

    /** A company's legal form or family suffix; the short ones that are also words only in capitals ({@code AS}). */
    private static final Pattern LEGAL_SUFFIX = Pattern.compile(
            ",?\\h++(?:(?i:inc|llc|ltd|limited|corp|corporation|company|plc|llp|gmbh|ohg|mbh|s\\.a|spa|s\\.p\\.a|srl"
                    + "|s\\.r\\.l|sas|sarl|b\\.v|n\\.v|c\\.v|vof|oy|oyj|a/s|aps|s\\.l|ltda|s\\.c|group|partners"
                    + "|associates|holdings|(?:and|&|e|und|et|y|en)\\h++(?:sons|söhne|figli|fils|hijos|zonen|daughters"
                    + "|partners)|figli|fils|hijos|söhne|zonen)|Co|LP|AG|KG|SA|BV|NV|CV|AB|AS|ASA|SL|SC|Sons)"
                    + "\\.?(?![\\p{L}\\p{N}-])",
            Pattern.UNICODE_CASE);

    private static final Pattern FACILITY_TAIL = Pattern.compile(
            "\\h++(?:health\\h++system|health\\h++care|healthcare|(?<=(?i:health)\\h{1,3})system|hospital|medical\\h++cent(?:er|re)"
                    + "|cent(?:er|re)|clinic|infirmary|hospice|institute|sanatorium)(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    /**
     * Legal forms that are also clinical abbreviations ({@code CV}, {@code AS} aortic stenosis, {@code SL}, {@code
     * ASA}): after an organisation they are its legal form, after a person's name they stay what the note means.
     */
    private static final Pattern CLINICAL_AFTER_A_NAME =
            Pattern.compile(",?\\h*+(?:CV|AS|AB|ASA|SL|SC|SA|NV|AG|KG)\\.?");

    /** A family firm's suffix outside English, written in lower case ({@code Ferri e figli}); "and sons" needs a capital. */
    private static final Pattern FAMILY_FIRM = Pattern.compile("(?:figli|fils|hijos|söhne|zonen)\\.?$");

    /** The rest of a dotted abbreviation the model cut ({@code godoy s}.a.). */
    private static final Pattern ABBREVIATION_REST = Pattern.compile("(?:\\.\\p{L}{1,3})++\\.?(?![\\p{L}\\p{N}])");

    private static final String JOINERS = "'’-";

    /** A house number right before a street ({@code 7125 }, {@code 12b }). */
    private static final Pattern HOUSE_NUMBER_BEFORE =
            Pattern.compile("(?<![\\p{L}\\p{N}.,/-])\\d{1,6}[a-z]?\\h++$", Pattern.CASE_INSENSITIVE);

    /** What follows a street's name: its house number ({@code , 96}), its unit ({@code Apt. 4}), {@code s/n}. */
    private static final Pattern STREET_TAIL = Pattern.compile(
            "(?:\\.(?=\\h))?(?:,?\\h*+(?:apt|apartment|suite|ste|unit|floor|fl|piano|etage|bldg|building|room|rm|no|nr|#)\\.?\\h*+#?"
                    + "\\d{1,5}[a-z]?|,?\\h++\\d{1,5}[a-z]?(?=[\\h,.;]|$)(?!\\h*+(?:years?|yrs?|days?|weeks?|months?"
                    + "|hours?|minutes?|times?|mg|miles?|km|%))|\\h++s/n)(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    /** The word right before a position (anchored at the end of a region that ends there). */
    private static final Pattern WORD_BEFORE = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L}[\\p{L}-]*+)\\h++$");

    /** The head noun of a trade right after a span that ends on its modifier ({@code the court} reporter). */
    private static final Pattern PROFESSION_HEAD = Pattern.compile(
            "\\h++(?:worker|operator|reporter|driver|host|ranger|agent|broker|assistant|technician|officer|manager"
                    + "|clerk|attendant|engineer|mechanic|hygienist|therapist|teacher|maker|keeper|smith|repairer"
                    + "|installer|inspector|designer|analyst|consultant|specialist|supervisor|director|administrator"
                    + "|aide|guard|cook|chef|hand|laborer|labourer|fitter|salesman|saleswoman|representative)s?"
                    + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    /** What comes before the noun in front of a profession ({@code a} park ranger, {@code retired} court reporter). */
    private static final Set<String> BEFORE_MODIFIER = Set.of(
            "a", "an", "the", "as", "retired", "former", "ex", "his", "her", "their", "my", "our", "semi-retired");

    /** Words before a profession that describe the person's status, not the trade. */
    private static final Set<String> NOT_A_MODIFIER = Set.of(String.join(
                    " ",
                    "retired former current previous unemployed employed part-time full-time self-employed disabled",
                    "old young new local busy active certified licensed registered trained experienced professional",
                    "working work-from-home night day weekend volunteer")
            .split(" "));

    private NerSpanCompletion() {}

    /** The spans, in order, completed and with the parts of one name merged. */
    static List<EntitySpan> completed(String text, List<EntitySpan> spans) {
        List<EntitySpan> words = new ArrayList<>(spans.size());
        for (EntitySpan span : spans) {
            int start = wordStart(text, span.start());
            int end = wordEnd(text, span.end());
            add(
                    words,
                    start == span.start() && end == span.end()
                            ? span
                            : new EntitySpan(span.label(), start, end, span.score()));
        }
        List<EntitySpan> grown = new ArrayList<>(words.size());
        for (EntitySpan span : merged(text, words)) {
            add(grown, grown(text, span));
        }
        // once more: a name that grew a legal form ("Sartori e Piras e figli") is an organisation to join
        return merged(text, grown);
    }

    /** Appends a span, without what it shares with the previous one (a span grown into its neighbour). */
    private static void add(List<EntitySpan> spans, EntitySpan span) {
        EntitySpan previous = spans.isEmpty() ? null : spans.getLast();
        if (previous == null || span.start() >= previous.end()) {
            spans.add(span);
        } else if (span.end() > previous.end()) {
            spans.add(new EntitySpan(span.label(), previous.end(), span.end(), span.score()));
        }
    }

    private static List<EntitySpan> merged(String text, List<EntitySpan> spans) {
        List<EntitySpan> out = new ArrayList<>(spans.size());
        for (EntitySpan span : spans) {
            EntitySpan last = out.isEmpty() ? null : out.getLast();
            String label = last == null ? null : mergedLabel(text, last, span);
            if (last != null && label != null) {
                out.set(
                        out.size() - 1,
                        new EntitySpan(label, last.start(), span.end(), Math.max(last.score(), span.score())));
            } else {
                out.add(span);
            }
        }
        return out;
    }

    /**
     * The label of the one name two neighbouring spans are part of, or null when they are two. The model changes its
     * mind about the type inside long names ({@code Emanuel}=PATIENT {@code Crest}=STREET): side by side, a street, a
     * hospital or an organisation takes the other span in; an organisation also takes in names joined to it by commas
     * and conjunctions ({@code Grant, Miller and Reynolds}).
     */
    private static @Nullable String mergedLabel(String text, EntitySpan left, EntitySpan right) {
        if (right.start() < left.end()) {
            return null;
        }
        NameKind a = NameKind.of(left.label());
        NameKind b = NameKind.of(right.label());
        String gap = text.substring(left.end(), right.start());
        boolean adjacent = gap.length() <= 2 && gap.isBlank();
        boolean properNames = a.properName() && b.properName();
        if (adjacent && a != b && properNames && (a.takesNeighbours() || b.takesNeighbours())) {
            return a.ordinal() <= b.ordinal() ? left.label() : right.label();
        }
        boolean organizationChain =
                properNames && (a == NameKind.ORGANIZATION || (b == NameKind.ORGANIZATION && a == NameKind.NAME));
        if (organizationChain
                && gap.length() <= 24
                && ORGANIZATION_GAP.matcher(gap).matches()) {
            return a == NameKind.ORGANIZATION ? left.label() : right.label();
        }
        return null;
    }

    private static EntitySpan grown(String text, EntitySpan span) {
        String label = span.label();
        int start = span.start();
        int end = span.end();
        switch (NameKind.of(label)) {
            case ORGANIZATION -> {
                end = extend(text, end, ABBREVIATION_REST);
                end = extend(text, end, LEGAL_SUFFIX);
                end = extend(text, end, FACILITY_TAIL);
            }
            case HOSPITAL -> end = extend(text, end, FACILITY_TAIL);
            case STREET -> {
                Matcher number = HOUSE_NUMBER_BEFORE
                        .matcher(text)
                        .region(Math.max(0, start - 12), start)
                        .useTransparentBounds(true);
                if (number.find()) {
                    start = number.start();
                }
                end = extend(text, end, STREET_TAIL);
            }
            case NAME -> {
                // "Brenters CV", "O'Neill and Sons": a name with a company's legal form is the company
                int named = extend(text, end, LEGAL_SUFFIX);
                String suffix = text.substring(end, named);
                if (named > end
                        && !CLINICAL_AFTER_A_NAME.matcher(suffix).matches()
                        && (!suffix.equals(suffix.toLowerCase(Locale.ROOT))
                                || FAMILY_FIRM.matcher(suffix).find())) {
                    end = named;
                    label = "ORGANIZATION";
                }
            }
            case PROFESSION -> {
                start = modifierStart(text, start);
                end = extend(text, end, PROFESSION_HEAD);
            }
            default -> {}
        }
        return start == span.start() && end == span.end() && label.equals(span.label())
                ? span
                : new EntitySpan(label, start, end, span.score());
    }

    /** The start moved back over the rest of a word the model cut at an apostrophe or hyphen ({@code O'}Neill). */
    private static int wordStart(String text, int start) {
        int s = start;
        while (s >= 2 && JOINERS.indexOf(text.charAt(s - 1)) >= 0 && Character.isLetter(text.charAt(s - 2))) {
            s -= 2;
            while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
                s--;
            }
        }
        return s;
    }

    /** The end moved over the rest of a word the model cut at an apostrophe or hyphen ({@code nell'}emilia), not {@code 's}. */
    private static int wordEnd(String text, int end) {
        int e = end;
        while (e + 1 < text.length()
                && e > 0
                && Character.isLetter(text.charAt(e - 1))
                && JOINERS.indexOf(text.charAt(e)) >= 0
                && Character.isLetter(text.charAt(e + 1))
                && !possessive(text, e)) {
            e += 2;
            while (e < text.length() && Character.isLetter(text.charAt(e))) {
                e++;
            }
        }
        return e;
    }

    private static boolean possessive(String text, int apostrophe) {
        return text.charAt(apostrophe) != '-'
                && Character.toLowerCase(text.charAt(apostrophe + 1)) == 's'
                && (apostrophe + 2 == text.length() || !Character.isLetter(text.charAt(apostrophe + 2)));
    }

    /** The end after every repetition of {@code tail} right after {@code end}. */
    private static int extend(String text, int end, Pattern tail) {
        Matcher m = tail.matcher(text);
        while (end < text.length()
                && m.region(end, text.length()).useTransparentBounds(true).lookingAt()) {
            end = m.end();
        }
        return end;
    }

    /** {@code a park ranger}: the noun before the head when an article or a status word precedes it. */
    private static int modifierStart(String text, int start) {
        Matcher word = wordBefore(text, start);
        if (word == null) {
            return start;
        }
        String modifier = word.group(1).toLowerCase(Locale.ROOT);
        if (NOT_A_MODIFIER.contains(modifier) || BEFORE_MODIFIER.contains(modifier)) {
            return start;
        }
        Matcher before = wordBefore(text, word.start());
        return before != null && BEFORE_MODIFIER.contains(before.group(1).toLowerCase(Locale.ROOT))
                ? word.start()
                : start;
    }

    private static @Nullable Matcher wordBefore(String text, int position) {
        Matcher word = WORD_BEFORE
                .matcher(text)
                .region(Math.max(0, position - 30), position)
                .useTransparentBounds(true);
        return word.find() ? word : null;
    }
}
