package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;
import org.jspecify.annotations.Nullable;

/**
 * Dates as clinicians write them: {@code 3/4/21}, {@code 03/04/2021}, {@code 2021-03-04}, {@code March 4, 2021},
 * {@code March 4th}, {@code Mar 4}, {@code March 2021}, {@code 4 March 2021}, {@code 04-Mar-2021}, {@code the 4th of
 * March}, {@code on the 4th}. Month 1–12 and day 1–31 are validated, either order for numeric day/month ({@code 13/04/2021} is a date).
 * A bare year is never a date (Safe Harbor keeps years). Year-less numeric {@code m/d} follows the
 * {@link YearlessDatePolicy}. A month name alone ({@code in March}) is left to the NER model.
 */
final class DateRecognizer implements Recognizer {

    static final String NAME = "date";

    private static final double BASE = 0.85;
    private static final double YEARLESS_BASE = 0.6;

    private static final String NO_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NO_WORD_AFTER = "(?![\\p{L}\\p{N}])";
    private static final String NO_NUMBER_BEFORE = "(?<![\\p{L}\\p{N}/.,-])";
    // A hyphen may join two slashed dates into a range (3/4/21-3/6/21); a hyphenated date checks it in its validator.
    private static final String NO_NUMBER_OR_RANGE_BEFORE = "(?<![\\p{L}\\p{N}/.,])";
    private static final String MONTH = "(?<mon>january|february|march|april|may|june|july|august|september|october"
            + "|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?)";
    private static final String DAY = "(?<day>\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR4 = "(?:18|19|20)\\d{2}";
    private static final Set<String> FULL_MONTHS =
            Set.of("january february march april may june july august september october november december".split(" "));

    private static final List<DateForm> FORMS = List.of(
            // March 4, 2021 / March 4th / Mar. 4 / March 4-6, 2021 / Mar 4 '21
            named(NO_WORD_BEFORE + MONTH + "\\h+" + DAY + "(?!\\.\\d)(?:\\h?[-–]\\h?\\d{1,2}(?:st|nd|rd|th)?)?"
                    + "(?:,?\\h+(?<year>" + YEAR4 + ")|,?\\h+['’]\\d{2})?" + NO_WORD_AFTER),
            // March 2021 / March of 2021
            named(NO_WORD_BEFORE + MONTH + ",?\\h+(?:of\\h+)?(?<year>" + YEAR4 + ")" + NO_WORD_AFTER),
            // 4 March 2021 / 4th March / the 4th of March
            new DateForm(
                    Pattern.compile(
                            NO_NUMBER_BEFORE + "(?<day>\\d{1,2})(?<ord>st|nd|rd|th)?\\h+(?<of>of\\h+)?" + MONTH
                                    + "(?:,?\\h+(?<year>" + YEAR4 + "))?" + NO_WORD_AFTER,
                            Pattern.CASE_INSENSITIVE),
                    DateRecognizer::validDayFirst),
            // 04-Mar-2021 / 4/MAR/21 / 15-dec-2018: a day and a year around it make any month word a date, in any case
            new DateForm(
                    Pattern.compile(
                            NO_WORD_BEFORE + "(?<day>\\d{1,2})(?<sep>[-/])" + MONTH + "\\k<sep>(?<year>" + YEAR4
                                    + "|\\d{2})" + NO_WORD_AFTER,
                            Pattern.CASE_INSENSITIVE),
                    (text, m) -> inRange(m.group("day"), 1, 31)),
            // 3/4/21, 03/04/2021, 03-04-2021, 03.04.2021
            new DateForm(
                    Pattern.compile(NO_NUMBER_OR_RANGE_BEFORE + "(?<a>\\d{1,2})(?<sep>[/.-])(?<b>\\d{1,2})\\k<sep>"
                            + "(?<year>\\d{4}|\\d{2})(?![\\p{L}\\p{N}/]|\\.\\p{N}|\\k<sep>\\p{N})"),
                    DateRecognizer::validNumericWithYear),
            // 2021-03-04, 2021/03/04, also 2021-03-04T10:00
            new DateForm(
                    Pattern.compile(NO_NUMBER_BEFORE + "(?<year>" + YEAR4 + ")(?<sep>[/.-])(?<a>\\d{1,2})\\k<sep>"
                            + "(?<b>\\d{1,2})(?![\\p{N}/]|[.-]\\p{N}|[\\p{L}&&[^T]])"),
                    (text, m) -> inRange(m.group("a"), 1, 12) && inRange(m.group("b"), 1, 31)));

    private static final Pattern YEARLESS =
            Pattern.compile(NO_NUMBER_OR_RANGE_BEFORE + "(?<a>\\d{1,2})/(?<b>\\d{1,2})(?![\\p{N}/]|\\.\\p{N})");

    /** A date word right before a year-less m/d; anchored at the end of the window that ends where the m/d starts. */
    private static final Pattern DATE_CUE = Pattern.compile(
            NO_WORD_BEFORE + "(?:on|since|from|until|till|thru|through|by|before|after|dated?|seen|admit(?:ted)?"
                    + "|admission|adm|discharged?|d/c|dob|dos|born|visit|surgery|started|stopped|held|last|next"
                    + "|returns?|returned|f/u|follow(?:ed)?[- ]?up|scheduled|appt|appointment|between|effective"
                    + "|expired|died|deceased)[\\h:,.]{0,3}+(?:the\\h+)?$",
            Pattern.CASE_INSENSITIVE);

    /** {@code on the 4th}: a day of the month alone, after a date word, unless a counted noun follows ("the 4th rib"). */
    private static final Pattern DAY_ONLY = Pattern.compile(
            NO_WORD_BEFORE
                    + "(?:on|since|by|until|till|from|before|after|of|through|returns?|seen|due)\\h+the\\h+"
                    + "(?<when>(?<day>\\d{1,2})(?:st|nd|rd|th))" + NO_WORD_AFTER
                    // "the 1st and 2nd metatarsals": a list of ordinals before the counted noun
                    + "(?!(?:\\h*+(?:,|and|or|to|-|–)\\h*+\\d{1,2}(?:st|nd|rd|th))*+\\h+(?:of\\h+)?(?:month|day|week|year|time|dose|cycle|line|grade|percentile|decade|rib|finger|toe"
                    + "|digit|floor|ics|intercostal|cranial|nerve|vertebra|lumbar|cervical|thoracic|trimester|stage|place"
                    + "|generation|degree|ventricle|metatarsal|metacarpal|lumbrical|compartment|toe|molar|premolar)s?"
                    + "(?![\\p{L}]))",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern RANGE_OR_LIST = Pattern.compile("\\h*+(?:-|–|to|through|thru|and|or|&|,)\\h*+");

    /** Units after an m/d that make it an amount ({@code started on 1/2 tab}), whatever comes before it. */
    private static final Pattern AMOUNT_AFTER = Pattern.compile(
            "\\h*+(?:tabs?|tablets?|caps?|capsules?|pills?|of|mg|mcg|g|ml|units?|doses?|puffs?|drops?|sprays?|tsp"
                    + "|tbsp|teaspoons?|tablespoons?|inch(?:es)?|cm|mm|%)(?![\\p{L}\\p{N}-])",
            Pattern.CASE_INSENSITIVE);

    /**
     * Grades and scores after an m/d ({@code Mar 4, 5/5 strength}). They end only a list continuation: after a date
     * word a new clause often follows ({@code seen on 3/12 strength 5/5}).
     */
    private static final Pattern GRADE_AFTER = Pattern.compile(
            "\\h*+(?:strength|vision|power|motor|reflex(?:es)?|scale|score|ratio)(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    private static final int CUE_WINDOW = 32;
    private static final int MAX_LIST_GAP = 12;

    private static final ContextWords CONTEXT = new ContextWords(
            40,
            10,
            "dob",
            "d\\.o\\.b\\.?",
            "date",
            "born",
            "birth",
            "admit(?:ted)?",
            "admission",
            "discharged?",
            "seen",
            "visit",
            "dos",
            "died",
            "deceased",
            "surgery");

    private final YearlessDatePolicy yearless;

    DateRecognizer(YearlessDatePolicy yearless) {
        this.yearless = yearless;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        for (DateForm form : FORMS) {
            Matcher m = form.pattern().matcher(text);
            while (m.find()) {
                if (form.valid().test(text, m)) {
                    found.add(entity(text, m.start(), m.end(), BASE));
                }
            }
        }
        Matcher ordinal = DAY_ONLY.matcher(text);
        while (ordinal.find()) {
            if (inRange(ordinal.group("day"), 1, 31)) {
                found.add(entity(text, ordinal.start("when"), ordinal.end("when"), YEARLESS_BASE));
            }
        }
        List<PhiEntity> dated = OverlapResolver.resolve(found);
        List<PhiEntity> all = new ArrayList<>(dated);
        all.addAll(yearless(text, dated));
        return OverlapResolver.resolve(all);
    }

    private List<PhiEntity> yearless(String text, List<PhiEntity> dated) {
        TreeSet<Integer> dateEnds = new TreeSet<>();
        dated.forEach(d -> dateEnds.add(d.end()));
        List<PhiEntity> found = new ArrayList<>();
        Matcher m = YEARLESS.matcher(text);
        while (m.find()) {
            if (validDayMonth(m.group("a"), m.group("b")) && yearlessIsDate(text, m, dateEnds)) {
                found.add(entity(text, m.start(), m.end(), YEARLESS_BASE));
                dateEnds.add(m.end());
            }
        }
        return found;
    }

    private boolean yearlessIsDate(String text, MatchResult m, TreeSet<Integer> dateEnds) {
        if (yearless == YearlessDatePolicy.ALWAYS) {
            return true;
        }
        if (followedBy(AMOUNT_AFTER, text, m.end())) {
            return false;
        }
        return cuedBefore(text, m.start())
                || (continuesDate(text, m.start(), dateEnds) && !followedBy(GRADE_AFTER, text, m.end()));
    }

    private static boolean followedBy(Pattern words, String text, int end) {
        return words.matcher(text).region(end, text.length()).lookingAt();
    }

    private static boolean continuesDate(String text, int start, TreeSet<Integer> dateEnds) {
        Integer previousEnd = dateEnds.floor(start);
        return previousEnd != null
                && start - previousEnd <= MAX_LIST_GAP
                && RANGE_OR_LIST.matcher(text).region(previousEnd, start).matches();
    }

    private static boolean cuedBefore(String text, int start) {
        return DATE_CUE.matcher(text)
                .region(Math.max(0, start - CUE_WINDOW), start)
                .useTransparentBounds(true)
                .find();
    }

    private static PhiEntity entity(String text, int start, int end, double base) {
        return PhiKind.DATE.entity(start, end, CONTEXT.score(base, text, start, end), NAME);
    }

    private static DateForm named(String regex) {
        return new DateForm(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), (text, m) -> validNamed(m));
    }

    private static boolean validNamed(MatchResult m) {
        boolean hasYear = m.group("year") != null;
        String day = groupOrNull(m, "day");
        // "may 13th": an ordinal day makes a lower-case "may" a month, as a year does ("may 2 doses" stays a verb)
        boolean ordinalDay = day != null
                && m.end("day") < m.end()
                && Character.isLetter(m.group().charAt(m.end("day") - m.start()));
        return (day == null || inRange(day, 1, 31)) && monthWrittenAsDate(m.group("mon"), hasYear || ordinalDay);
    }

    /** {@code GCS 15 May we proceed}: a year-less day-first "May" needs an ordinal, "of" or a date word before it. */
    private static boolean validDayFirst(String text, MatchResult m) {
        boolean modalMay = m.group("mon").equalsIgnoreCase("may")
                && m.group("year") == null
                && m.group("ord") == null
                && m.group("of") == null;
        return validNamed(m) && (!modalMay || cuedBefore(text, m.start()));
    }

    /**
     * A month must be capitalised ({@code may} is a verb) unless it is a full month name in an all-lower-case note
     * ({@code march 4}); an all-capitals abbreviation needs a year ({@code MAR 2} is
     * the medication administration record, {@code 04-MAR-2021} a date).
     */
    private static boolean monthWrittenAsDate(String month, boolean hasYear) {
        if (!Character.isUpperCase(month.charAt(0))) {
            // Notes typed all in lower case: a full month name is a date, except "may" ("may 2 doses") without a year.
            String lower = month.toLowerCase(Locale.ROOT);
            return month.equals(lower) && FULL_MONTHS.contains(lower) && (hasYear || !lower.equals("may"));
        }
        String bare = month.endsWith(".") ? month.substring(0, month.length() - 1) : month;
        boolean abbreviation = !FULL_MONTHS.contains(bare.toLowerCase(Locale.ROOT));
        return hasYear || !abbreviation || !bare.equals(bare.toUpperCase(Locale.ROOT));
    }

    private static boolean validNumericWithYear(String text, MatchResult m) {
        String year = m.group("year");
        String separator = m.group("sep");
        if (separator.equals(".") && year.length() != 4) {
            return false; // 1.2.21 reads as a version or a list, 1.2.2021 as a date
        }
        if (separator.equals("-") && m.start() > 0 && text.charAt(m.start() - 1) == '-') {
            return false; // the tail of a longer hyphenated number
        }
        return validDayMonth(m.group("a"), m.group("b")) && (year.length() == 2 || inRange(year, 1800, 2099));
    }

    /** Either US month/day or day/month order may be meant; accept when one of them is a valid date. */
    private static boolean validDayMonth(String first, String second) {
        return (inRange(first, 1, 12) && inRange(second, 1, 31)) || (inRange(second, 1, 12) && inRange(first, 1, 31));
    }

    private static boolean inRange(String digits, int min, int max) {
        int value = Integer.parseInt(digits);
        return value >= min && value <= max;
    }

    private static @Nullable String groupOrNull(MatchResult m, String group) {
        return m.namedGroups().containsKey(group) ? m.group(group) : null;
    }

    /** A written form of a date and its validator, which sees the whole text and the match. */
    private record DateForm(Pattern pattern, BiPredicate<String, MatchResult> valid) {}
}
