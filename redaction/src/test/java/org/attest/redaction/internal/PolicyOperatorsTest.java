package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;
import org.attest.redaction.Redaction;
import org.junit.jupiter.api.Test;

/** Operators per category, pseudonym consistency, merging, thresholds and offsets around non-BMP characters. */
class PolicyOperatorsTest {

    private static final String KEY = "k".repeat(32);

    private static PolicyRedactor with(Map<PhiType, OperatorKind> operators, Map<PhiType, Double> thresholds) {
        return new PolicyRedactor(new RedactionProperties(
                89, YearlessDatePolicy.CONTEXT, null, thresholds, null, null, operators, KEY, true));
    }

    @Test
    void pseudonymsAreConsistentWithinARequestAndAcrossItsTexts() {
        PolicyRedactor redactor = with(Map.of(PhiType.NAME, OperatorKind.PSEUDONYM), Map.of());
        List<Redaction> batch = redactor.redactAll(List.of(
                "Dr. Alice Nguyen saw Mr. Omar Haddad. Dr. Alice Nguyen called Mr. Haddad back.",
                "Mr. OMAR HADDAD thanked Dr. Nguyen; Mrs. Lee waited."));

        assertThat(batch.get(0).redactedText())
                .isEqualTo("Dr. [NAME-1] saw Mr. [NAME-2]. Dr. [NAME-1] called Mr. [NAME-2] back.");
        assertThat(batch.get(1).redactedText()).isEqualTo("Mr. [NAME-2] thanked Dr. [NAME-1]; Mrs. [NAME-3] waited.");
    }

    @Test
    void aNewRequestNumbersAfresh() {
        PolicyRedactor redactor = with(Map.of(PhiType.NAME, OperatorKind.PSEUDONYM), Map.of());

        assertThat(redactor.redact("Mrs. Lee and Dr. Ng.").redactedText()).isEqualTo("Mrs. [NAME-1] and Dr. [NAME-2].");
        assertThat(redactor.redact("Dr. Ng and Mrs. Lee.").redactedText()).isEqualTo("Dr. [NAME-1] and Mrs. [NAME-2].");
    }

    @Test
    void maskKeepsOneStarPerCodePointAndOtherCategoriesAreReplaced() {
        PolicyRedactor redactor = with(Map.of(PhiType.NAME, OperatorKind.MASK), Map.of());
        String text = "🙂 Dr. Zoë 𝔑g on 3/4/21";

        Redaction redaction = redactor.redact(text);

        assertThat(redaction.redactedText()).isEqualTo("🙂 Dr. ****** on [DATE]");
        assertThat(redaction.entities())
                .extracting(e -> text.substring(e.start(), e.end()))
                .containsExactly("Zoë 𝔑g", "3/4/21");
    }

    @Test
    void thresholdsPerCategoryDropWeakCandidates() {
        String text = "seen on 3/12, phone 555-234-5678";

        assertThat(with(Map.of(), Map.of(PhiType.DATE, 0.99)).redact(text).redactedText())
                .isEqualTo("seen on 3/12, phone [PHONE]");
        assertThat(with(Map.of(), Map.of()).redact(text).redactedText()).isEqualTo("seen on [DATE], phone [PHONE]");
    }

    @Test
    void overlappingCandidatesMergeToTheWidestSpanAndTheRiskiestType() {
        PhiEntity date = new PhiEntity(PhiType.DATE, "DATE", 10, 20, 0.95, "date");
        PhiEntity account = new PhiEntity(PhiType.ID, "ACCOUNT", 15, 30, 0.6, "record-number");
        PhiEntity name = new PhiEntity(PhiType.NAME, "PATIENT", 28, 35, 0.7, "phi-ner");
        PhiEntity apart = new PhiEntity(PhiType.AGE, "AGE", 40, 42, 0.85, "age-over-89");

        assertThat(OverlapResolver.merge(List.of(apart, name, date, account)))
                .containsExactly(new PhiEntity(PhiType.ID, "ACCOUNT", 10, 35, 0.95, "record-number"), apart);
    }

    @Test
    void dayOfTheMonthAloneIsADateAfterADateWordOnly() {
        PolicyRedactor redactor = with(Map.of(), Map.of());

        assertThat(redactor.redact("seen on the 4th, returns on the 21st").redactedText())
                .isEqualTo("seen on the [DATE], returns on the [DATE]");
        assertThat(redactor.redact("fracture of the 4th rib, on the 3rd day, the 5th percentile")
                        .entities())
                .isEmpty();
    }
}
