package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Identifiers recognised by their label, for the Safe Harbor numbers without a checksum: health plan beneficiary
 * numbers ({@code member ID}, {@code policy #}, {@code Medicaid ID}), licence and certificate numbers, vehicle plates,
 * device identifiers and serial numbers ({@code S/N}, {@code serial no.}, {@code UDI}), and any other labelled
 * identifying number ({@code patient ID}, {@code accession #}). The identifier after the label is 4 to 32 letters,
 * digits or hyphens with at least two digits, so that {@code policy number unknown} stays.
 */
final class LabelledIdRecognizer implements Recognizer {

    static final String NAME = "labelled-id";

    private static final double SCORE = 0.85;
    private static final int MIN_LENGTH = 4;
    private static final int MIN_DIGITS = 2;

    /** A number word, optional after a label that names an identifier by itself ({@code MRN}, {@code policy}). */
    private static final String NUMBER_WORD = "(?:number|num\\.?|no\\.?|#|id|code)";

    private static final String NUMBERED = "\\h*+" + NUMBER_WORD;
    private static final String OPTIONALLY_NUMBERED = "(?:" + NUMBERED + ")?";

    private static final List<Label> LABELS = List.of(
            new Label(PhiKind.VEHICLE, "(?:licen[cs]e\\h+)?(?:plate|tag)" + OPTIONALLY_NUMBERED + "|vin"),
            new Label(
                    PhiKind.HEALTH_PLAN,
                    "(?:member|subscriber|beneficiary|policy|insurance|medicaid|medicare|health\\h+plan)"
                            + OPTIONALLY_NUMBERED + "|(?:plan|group|insurer)" + NUMBERED),
            new Label(
                    PhiKind.LICENSE,
                    "(?:driver'?s\\h+)?licen[cs]e" + OPTIONALLY_NUMBERED + "|(?:lic\\.?|dl|certificate|cert\\.?)"
                            + NUMBERED),
            new Label(
                    PhiKind.DEVICE,
                    "(?:serial|s/n|udi)" + OPTIONALLY_NUMBERED + "|(?:device|implant|lot|model|pacemaker)" + NUMBERED),
            new Label(
                    PhiKind.IDNUM,
                    "(?:patient|pt)\\h+id|(?:accession|specimen|fin)" + OPTIONALLY_NUMBERED
                            + "|(?:case|claim|encounter|employee|visit)" + NUMBERED));

    /** All label families in one pattern, one named group each: one scan of the text instead of five. */
    private static final Pattern LABELLED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:"
                    + String.join(
                            "|",
                            LABELS.stream()
                                    .map(label -> "(?<" + label.group() + ">" + label.words() + ")")
                                    .toList())
                    + ")(?![\\p{L}])[\\h:#=.-]{0,6}+(?:is\\h++)?(?<id>[A-Z0-9][A-Z0-9-]{0,31}+)(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        if (!Checksums.hasDigitRun(text, 1)) {
            return found;
        }
        Matcher m = LABELLED.matcher(text);
        while (m.find()) {
            int end = m.end("id");
            while (text.charAt(end - 1) == '-') {
                end--;
            }
            if (end - m.start("id") >= MIN_LENGTH
                    && Checksums.digits(text.subSequence(m.start("id"), end)).length() >= MIN_DIGITS) {
                found.add(kind(m).entity(m.start("id"), end, SCORE, NAME));
            }
        }
        return found;
    }

    private static PhiKind kind(Matcher m) {
        for (Label label : LABELS) {
            if (m.group(label.group()) != null) {
                return label.kind();
            }
        }
        throw new IllegalStateException("a label group always matches");
    }

    /** A family of labels and the subtype they give. */
    private record Label(PhiKind kind, String words) {

        String group() {
            return kind.name().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        }
    }
}
