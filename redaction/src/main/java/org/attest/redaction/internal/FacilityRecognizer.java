package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Named hospitals and care facilities: capitalised words ending in a facility word ({@code Mercy General Hospital},
 * {@code St. Luke's Medical Center}, {@code Riverside Clinic}) or a facility word followed by {@code of} and a place
 * ({@code Hospital of Saint Raphael}). Department names made only of generic words ({@code Cardiology Clinic},
 * {@code the Emergency Department}) are not names and stay.
 */
final class FacilityRecognizer implements Recognizer {

    static final String NAME = "facility";

    private static final double SCORE = 0.8;

    private static final String WORD = "(?:St\\.|Saint|\\p{Lu}[\\p{L}'’&-]*+)";
    private static final String FACILITY = "(?:Hospital|Medical\\h+Center|Medical\\h+Centre|Health\\h+Center"
            + "|Health\\h+System|Healthcare|Clinic|Infirmary|Nursing\\h+Home|Rehabilitation\\h+(?:Center|Hospital)"
            + "|Hospice|Sanatorium|Care\\h+Center|Surgery\\h+Center|Children's\\h+Hospital)";

    private static final List<Pattern> FORMS = List.of(
            Pattern.compile("(?<![\\p{L}\\p{N}])(?<words>" + WORD + "(?:\\h+" + WORD + "){0,4}?)\\h+" + FACILITY
                    + "(?![\\p{L}])"),
            Pattern.compile("(?<![\\p{L}])" + FACILITY + "\\h+of\\h+(?<words>" + WORD + "(?:\\h+" + WORD + "){0,3})"));

    /** Words that name a kind of care, not a place: a facility made only of these is a department. */
    private static final Set<String> GENERIC = Set.of(String.join(
                    " ",
                    "the a an our your his her their this that my at to in from of and general community county",
                    "university regional memorial city state children's women's veterans primary care urgent",
                    "emergency outpatient inpatient walk-in pain diabetes sleep eye dental family internal medicine",
                    "surgical surgery pediatric psychiatric rehab memory wound anticoagulation coumadin heart cancer",
                    "mental health cardiology oncology neurology orthopedic orthopaedic dermatology fertility",
                    "dialysis infusion transplant vascular endocrine endocrinology gi pulmonary lung kidney liver",
                    "breast spine sports travel vaccine allergy methadone free student local new old was is seen",
                    "discharged admitted transferred presented sent went")
            .split(" "));

    /** A facility word anywhere: without one, neither form can match. */
    private static final Pattern KEYWORD =
            Pattern.compile("Hospital|Center|Centre|Clinic|Infirmary|Health|Home|Hospice|Sanatorium|Healthcare");

    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "at", "to", "in", "from", "our");

    private static final Pattern NON_BLANK = Pattern.compile("\\S+");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        if (!KEYWORD.matcher(text).find()) {
            return found;
        }
        for (int form = 0; form < FORMS.size(); form++) {
            Matcher m = FORMS.get(form).matcher(text);
            while (m.find()) {
                int start = specificStart(text, m.start("words"), m.end("words"));
                if (start >= 0) {
                    // "Hospital of Saint Raphael" starts at its facility word, "The Mercy Hospital" after "The".
                    found.add(PhiKind.HOSPITAL.entity(form == 0 ? start : m.start(), m.end(), SCORE, NAME));
                }
            }
        }
        return found;
    }

    /** Where the name starts (after leading generic words), or -1 when every word is generic. */
    private static int specificStart(String text, int start, int end) {
        Matcher word = NON_BLANK.matcher(text).region(start, end);
        int first = -1;
        boolean specific = false;
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (!GENERIC.contains(lower)) {
                specific = true;
            }
            if (first < 0 && !ARTICLES.contains(lower)) {
                first = word.start();
            }
        }
        return specific ? first : -1;
    }
}
