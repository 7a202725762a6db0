package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Clinical look-alikes that are never PHI, whatever a recognizer or the NER model says: clinical phrases ({@code rule
 * out}), drug names, doses, vital signs
 * ({@code BP 120/80}), lab values ({@code Na 140}, {@code WBC 4.5-11.0}), eponymous diseases, signs and scores ({@code
 * Parkinson disease}, {@code Glasgow Coma Scale}, {@code Apgar 8}) and clinical abbreviations ({@code LA}, {@code DM},
 * {@code PCP}). A candidate is dropped when its text is one of the terms, or when it lies wholly inside a protected
 * phrase; a candidate that reaches beyond the phrase (a URL around a dose) stays.
 */
final class ClinicalAllowList {

    /** All-capital abbreviations, matched exactly (case-sensitive): "LA enlargement", "DM2", "PCP follow-up". */
    private static final Set<String> ABBREVIATIONS = Set.of(String.join(
                    " ",
                    "LA RA LV RV LVH DM DM2 T2DM T1DM PCP MS PE MI CA ER ED OR PT OT ICU CCU NICU PACU ENT GI OB GYN",
                    "BP HR RR CHF COPD CAD HTN CKD ESRD AKI UTI CVA TIA DVT GERD OSA BPH HLD AFib NSTEMI STEMI ACS",
                    "EKG ECG CT MRI CXR ABG CBC BMP CMP LFT TSH INR PTT NPO PRN BID TID QID QHS PO IV IM SC SQ",
                    "HEENT CV RESP ABD EXT NEURO PSYCH SKIN ROS HPI PMH PSH FHX SHX CC A&O NAD RRR CTAB NT ND",
                    "MRN DOB SSN NKDA ADL ADLs SOB DOE PND JVD LE UE RLQ LLQ RUQ LUQ CN EOMI PERRLA WNL RN NP PA MD PHI",
                    "ST QRS QT QTc AV LBBB RBBB EF LVEF TTE TEE PCI CABG NSR SVT VF")
            .split(" "));

    /** Words, any case, that clinical text uses as common nouns: never a name or a place on their own. */
    private static final Set<String> TERMS = Set.of(String.join(
                    " ",
                    "patient pt doctor nurse abdomen sternal sternum chest heart lungs will may",
                    "phone telephone tel fax email e-mail mrn dob ssn address contact cell mobile pager",
                    "chief complaint history exam examination assessment plan impression diagnosis medications",
                    "allergies troponin ecg ekg seen admitted discharged edema angina",
                    "acetaminophen tylenol ibuprofen advil motrin naproxen aleve aspirin asa metformin glucophage",
                    "insulin lantus humalog novolog glipizide lisinopril losartan amlodipine norvasc metoprolol",
                    "lopressor toprol atenolol carvedilol coreg hydrochlorothiazide hctz furosemide lasix spironolactone",
                    "atorvastatin lipitor simvastatin rosuvastatin crestor pravastatin warfarin coumadin heparin enoxaparin",
                    "lovenox apixaban eliquis rivaroxaban xarelto clopidogrel plavix levothyroxine synthroid omeprazole",
                    "prilosec pantoprazole protonix famotidine pepcid ondansetron zofran prednisone methylprednisolone",
                    "solumedrol dexamethasone albuterol proventil ventolin fluticasone flovent advair symbicort tiotropium",
                    "spiriva montelukast singulair cetirizine zyrtec loratadine claritin diphenhydramine benadryl",
                    "amoxicillin augmentin azithromycin zithromax doxycycline cephalexin keflex ceftriaxone rocephin",
                    "vancomycin piperacillin zosyn levofloxacin levaquin ciprofloxacin cipro bactrim nitrofurantoin",
                    "macrobid metronidazole flagyl clindamycin gabapentin neurontin pregabalin lyrica sertraline zoloft",
                    "fluoxetine prozac citalopram escitalopram lexapro bupropion wellbutrin trazodone mirtazapine",
                    "duloxetine cymbalta venlafaxine effexor quetiapine seroquel olanzapine risperidone haloperidol",
                    "haldol lorazepam ativan alprazolam xanax diazepam valium clonazepam klonopin zolpidem ambien",
                    "morphine oxycodone percocet hydrocodone norco vicodin tramadol fentanyl dilaudid hydromorphone",
                    "naloxone narcan tamsulosin flomax finasteride sildenafil viagra allopurinol colchicine",
                    "digoxin amiodarone diltiazem cardizem verapamil hydralazine nitroglycerin isosorbide potassium",
                    "magnesium calcium vitamin folic ferrous iron sumatriptan imitrex topiramate topamax levetiracetam",
                    "keppra phenytoin dilantin lamotrigine lamictal lithium donepezil aricept memantine namenda",
                    "levodopa carbidopa sinemet januvia sitagliptin jardiance empagliflozin ozempic semaglutide",
                    "trulicity victoza liraglutide humira adalimumab methotrexate plaquenil hydroxychloroquine")
            .split(" "));

    private static final String NUMBER = "\\d+(?:\\.\\d+)?";

    private static final String SCORE_WORD = "\\h+(?:score|scale|grade|criteria|maneuver|manoeuvre|catheter|stain"
            + "|smear|test|sign|stage|procedure|fundoplication|monitor|protein|inventory|risk)";
    private static final String SCORE_NUMBER = "\\h*[:=]?\\h*\\d{1,2}(?:/\\d{1,2})?";
    private static final String SCORE_TAIL = "(?:" + SCORE_WORD + ")?(?:" + SCORE_NUMBER + ")?";
    private static final String REQUIRED_SCORE_TAIL =
            "(?:" + SCORE_WORD + "(?:" + SCORE_NUMBER + ")?|" + SCORE_NUMBER + ")";

    private static final Pattern PROTECTED = Pattern.compile(String.join(
            "|",
            // placeholders and pseudonyms of an earlier pass ("[NAME-1]" in a summary of a redacted text)
            "\\[[A-Z_]{2,20}+(?:-\\d{1,6})?\\]",
            // clinical phrases of plain words ("rule out NSTEMI", "follow-up in two weeks")
            "(?:rule[sd]?|ruling)\\h+out|follow(?:ed|ing)?[- ]up|work[- ]?up",
            // vital signs
            "(?:BP|B/P|blood\\h+pressure)\\h*[:=]?\\h*(?:of\\h+)?\\d{2,3}/\\d{2,3}",
            "\\d{2,3}/\\d{2,3}\\h*mm\\h*Hg",
            "(?:HR|RR|SpO2|O2\\h+sat|sat|pulse|temp|T|Tmax|weight|wt|height|ht|BMI)\\h*[:=]?\\h*" + NUMBER,
            // doses and amounts
            NUMBER + "\\h*(?:mg|mcg|µg|g|kg|lbs?|ml|mL|L|units?|IU|mEq|mmol|meq|%|cc|tabs?|caps?|puffs?)"
                    + "(?:/(?:kg|day|d|hr|h|dose|m2|min|dL|L))?(?![\\p{L}])",
            // lab values and ranges
            "(?:Na|K|Cl|CO2|HCO3|BUN|Cr|Hgb|Hb|Hct|WBC|Plt|INR|PTT|ALT|AST|ALP|TSH|HbA1c|A1c|LDL|HDL|TG|glucose"
                    + "|troponin|BNP|lactate|Mg|Phos|Ca|CRP|ESR|eGFR|GFR|PSA|ANC|CD4|EF|pH|pCO2|pO2|ferritin|lipase)"
                    + "\\h*[:=]?\\h*(?:of\\h+)?" + NUMBER + "(?:\\h*[-–]\\h*" + NUMBER + ")?",
            // eponymous diseases and signs: with the disease word, or in the possessive of a rare surname
            "(?:Parkinson|Alzheimer|Hodgkin|Crohn|Cushing|Addison|Graves|Hashimoto|Bell|Down|Lewy|Huntington|Wilson"
                    + "|Raynaud|Sj[oö]gren|Tourette|Asperger|Kawasaki|Guillain[- ]Barr[eé]|Creutzfeldt[- ]Jakob"
                    + "|Wernicke|Korsakoff|M[eé]ni[eè]re|Paget|Marfan|Turner|Klinefelter|Barrett|Hirschsprung|Peyronie"
                    + "|Dupuytren|Osgood[- ]Schlatter|Murphy|McBurney|Homan|Tinel|Phalen|Allen|Kaposi|Reye|Ewing"
                    + "|Wilms|Burkitt|Hurthle|Bartholin|Baker|Colles|Boxer|Charcot|Horner|Kussmaul|Cheyne[- ]Stokes)"
                    + "(?:['’]s|s['’])?\\h+(?:disease|syndrome|palsy|sign|esophagus|disorder|dementia|lymphoma|body"
                    + "|bodies|phenomenon|contracture|ulcer|chorea|encephalopathy|plus|tremor|type|triad|point|test"
                    + "|sarcoma|tumor|cyst|fracture|joint|respirations|breathing|aneurysm)",
            "(?:Parkinson|Alzheimer|Crohn|Hodgkin|Huntington|Raynaud|Sj[oö]gren|Tourette|Asperger|M[eé]ni[eè]re"
                    + "|Hashimoto|Kawasaki|Hirschsprung|Peyronie|Dupuytren)['’]s",
            // conditions named after a trade or a pastime: the trade is not the patient's (farmer's lung, boxer's
            // fracture)
            "(?:farmer|coal[- ]?worker|miner|bird[- ]fancier|pigeon[- ]fancier|mushroom[- ]worker|cheese[- ]worker"
                    + "|silo[- ]filler|woolsorter|housemaid|clergyman|nursemaid|gamekeeper|skier|golfer|jumper|swimmer"
                    + "|surfer|athlete|tailor|writer|painter|butcher|student|boxer|baker)(?:['’]s|s['’])\\h+(?:lung"
                    + "|knee|elbow|thumb|ear|foot|bunion|cramp|colic|wart|disease|fracture|cyst|pneumoconiosis|itch)",
            // scores, scales, manoeuvres and devices whose name is no one's name on its own
            "(?:GCS|Apgars?|Mallampati|Child[- ]Pugh|Gleason|APACHE(?:\\h*I{1,3}V?)?|Killip|NYHA|Babinski|Romberg"
                    + "|Kernig|Brudzinski|Trendelenburg|Valsalva|Heimlich|Korotkoff|Doppler|Holter|Papanicolaou"
                    + "|Lachman|McMurray|Spurling|Finkelstein|Dix[- ]Hallpike|Snellen|Rinne|Chvostek|Trousseau"
                    + "|CHA2DS2[- ]VASc|HAS[- ]BLED|Epley|Swan[- ]Ganz|Whipple|Nissen)" + SCORE_TAIL,
            // ... and those that are also surnames or cities: only with their score word
            "(?:Glasgow(?:\\h+Coma)?|Braden|Morse(?:\\h+Fall)?|Wells|Ranson|Framingham|Beck(?:\\h+Depression)?|Foley"
                    + "|Bence[- ]Jones|Gram|Pap|Hawkins|Apley|Weber|Denver|Tanner|Hoffmann|Wong[- ]Baker|Hamilton"
                    + "|Caprini)" + REQUIRED_SCORE_TAIL));

    private static final Pattern PROTECTED_WORDS = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:" + PROTECTED.pattern() + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);

    private final Set<String> extraTerms;

    /** @param extraTerms the policy's own allow-list terms, matched whole and case-insensitively */
    ClinicalAllowList(List<String> extraTerms) {
        this.extraTerms = Set.copyOf(extraTerms.stream()
                .map(term -> term.strip().toLowerCase(Locale.ROOT))
                .toList());
    }

    /** The stretches of a text that no candidate may lie wholly inside. */
    List<int[]> protectedSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = PROTECTED_WORDS.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        return spans;
    }

    /** Whether a word is one of the all-capital clinical abbreviations ({@code SSN}, {@code DOB}, {@code DM}). */
    static boolean isAbbreviation(String word) {
        return ABBREVIATIONS.contains(word);
    }

    /** Whether a candidate is a clinical look-alike and must be dropped. */
    boolean allows(String text, PhiEntity candidate, List<int[]> protectedSpans) {
        String covered = text.substring(candidate.start(), candidate.end()).strip();
        String lower = covered.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(covered) || TERMS.contains(lower) || extraTerms.contains(lower)) {
            return true;
        }
        for (int[] span : protectedSpans) {
            if (span[0] <= candidate.start() && candidate.end() <= span[1]) {
                return true;
            }
        }
        return false;
    }
}
