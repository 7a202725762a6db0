package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;
import org.attest.redaction.Redaction;
import org.attest.redaction.Redactor;
import org.attest.serving.EntitySpan;
import org.attest.serving.InferenceRejectedException;
import org.attest.serving.ModelState;
import org.attest.serving.ModelStatus;
import org.attest.serving.ModelVersion;
import org.attest.serving.TokenClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class PolicyRedactorTest {

    private final Redactor redactor = new PolicyRedactor(RedactionProperties.defaults());

    /** Planted value → expected subtype, in the order they occur in {@link #NOTE}. */
    private static final List<Map.Entry<String, String>> PLANTED = List.of(
            Map.entry("Alice Nguyen", "DOCTOR"),
            Map.entry("O'Brien", "PERSON"),
            Map.entry("92", "AGE"),
            Map.entry("03/04/2021", "DATE"),
            Map.entry("March 9, 2021", "DATE"),
            Map.entry("3/12", "DATE"),
            Map.entry("A1234567", "MRN"),
            Map.entry("5566778", "ACCOUNT"),
            Map.entry("123-45-6789", "SSN"),
            Map.entry("(555) 234-5678", "PHONE"),
            Map.entry("555-234-9999", "FAX"),
            Map.entry("jane.obrien@example.com", "EMAIL"),
            Map.entry("https://portal.example.org/p/77", "URL"),
            Map.entry("10.20.30.40", "IP"));

    private static final String NOTE = """
            Seen by Dr. Alice Nguyen for Mr. O'Brien, a 92-year-old man with T2DM (HbA1c 7.2%).
            DOB 03/04/2021 (sic), admitted March 9, 2021, follow-up on 3/12. BP 120/80, Na 140, Temp 98.6 F.
            MRN: A1234567, acct 5566778, SSN 123-45-6789.
            Phone (555) 234-5678, fax 555-234-9999, e-mail jane.obrien@example.com.
            Portal https://portal.example.org/p/77 accessed from IP 10.20.30.40.
            Plan: 3/4 tablet nightly, 5/5 strength, 20/20 vision, x3 days, ICD-10 E11.9.
            """;

    @Test
    void aFullModelQueueRefusesTheRequestInsteadOfRedactingWithPatternsAlone() {
        TokenClassifier overloaded = new TokenClassifier() {
            @Override
            public List<List<EntitySpan>> classify(List<String> texts) {
                throw new InferenceRejectedException("phi-ner:1", Duration.ofSeconds(1));
            }

            @Override
            public ModelStatus status() {
                return new ModelStatus(
                        "phi-ner",
                        new ModelVersion("phi-ner", "1", "ab".repeat(32), 0.5),
                        ModelState.READY,
                        null,
                        "cpu");
            }
        };
        PolicyRedactor withModel = new PolicyRedactor(RedactionProperties.defaults(), overloaded);

        assertThatThrownBy(() -> withModel.redact(NOTE)).isInstanceOf(InferenceRejectedException.class);
    }

    @Test
    void findsEveryPlantedValueAtItsExactOffsets() {
        Redaction redaction = redactor.redact(NOTE);

        assertThat(redaction.entities())
                .extracting(e -> NOTE.substring(e.start(), e.end()))
                .containsExactlyElementsOf(
                        PLANTED.stream().map(Map.Entry::getKey).toList());
        assertThat(redaction.entities())
                .extracting(PhiEntity::subtype)
                .containsExactlyElementsOf(
                        PLANTED.stream().map(Map.Entry::getValue).toList());
    }

    @Test
    void redactedTextHoldsPlaceholdersAndNoneOfThePlantedValues() {
        String redacted = redactor.redact(NOTE).redactedText();

        for (Map.Entry<String, String> planted : PLANTED) {
            assertThat(redacted).doesNotContain(planted.getKey());
        }
        assertThat(redacted)
                .contains("Seen by Dr. [DOCTOR] for Mr. [PERSON], a [AGE]-year-old man with T2DM (HbA1c 7.2%).")
                .contains("DOB [DATE] (sic), admitted [DATE], follow-up on [DATE]. BP 120/80, Na 140, Temp 98.6 F.")
                .contains("MRN: [MRN], acct [ACCOUNT], SSN [SSN].")
                .contains("Phone [PHONE], fax [FAX], e-mail [EMAIL].")
                .contains("Portal [URL] accessed from IP [IP].")
                .contains("Plan: 3/4 tablet nightly, 5/5 strength, 20/20 vision, x3 days, ICD-10 E11.9.");
    }

    @Test
    void entitiesAreSortedNonOverlappingAndTyped() {
        List<PhiEntity> entities = redactor.redact(NOTE).entities();

        for (int i = 1; i < entities.size(); i++) {
            assertThat(entities.get(i).start())
                    .isGreaterThanOrEqualTo(entities.get(i - 1).end());
        }
        assertThat(entities).allSatisfy(e -> {
            assertThat(e.score()).isBetween(0.0, 1.0);
            assertThat(e.detector()).isNotBlank();
        });
        assertThat(entities)
                .extracting(PhiEntity::type)
                .contains(PhiType.NAME, PhiType.AGE, PhiType.DATE, PhiType.ID, PhiType.CONTACT);
    }

    @Test
    void isDeterministic() {
        Redaction first = redactor.redact(NOTE);

        assertThat(redactor.redact(NOTE)).isEqualTo(first);
        assertThat(new PolicyRedactor(RedactionProperties.defaults()).redact(NOTE))
                .isEqualTo(first);
    }

    @Test
    void offsetsStayExactAfterSurrogatePairs() {
        String prefix = "😀🩺 note 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👨‍👩‍👧 ";
        String text = prefix + "Dr. Zoë Ng called from 555-234-5678 on 3/4/21 🙂";

        Redaction redaction = redactor.redact(text);

        assertThat(redaction.entities())
                .extracting(e -> text.substring(e.start(), e.end()))
                .containsExactly("Zoë Ng", "555-234-5678", "3/4/21");
        assertThat(redaction.entities().getFirst().start()).isEqualTo(prefix.length() + "Dr. ".length());
        assertThat(redaction.redactedText()).isEqualTo(prefix + "Dr. [DOCTOR] called from [PHONE] on [DATE] 🙂");
    }

    @Test
    void emptyTextHasNoEntities() {
        Redaction redaction = redactor.redact("");

        assertThat(redaction.entities()).isEmpty();
        assertThat(redaction.redactedText()).isEmpty();
        assertThat(redaction.policyVersion()).isEqualTo("safe-harbor/4+regex-only");
    }

    @ParameterizedTest
    @FieldSource("org.attest.redaction.internal.ClinicalLookAlikes#ALL")
    void leavesClinicalLookAlikesAlone(String text) {
        Redaction redaction = redactor.redact(text);

        assertThat(redaction.entities()).isEmpty();
        assertThat(redaction.redactedText()).isEqualTo(text);
    }

    @Test
    void policyVersionNamesTheRecognizerSetAndEveryNonDefaultSetting() {
        assertThat(redactor.policyVersion()).isEqualTo("safe-harbor/4+regex-only");
        assertThat(new PolicyRedactor(new RedactionProperties(85, YearlessDatePolicy.ALWAYS)).policyVersion())
                .isEqualTo("safe-harbor/4+regex-only;age-threshold=85;yearless-dates=always");
        assertThat(new PolicyRedactor(new RedactionProperties(89, YearlessDatePolicy.ALWAYS)).policyVersion())
                .isEqualTo("safe-harbor/4+regex-only;yearless-dates=always");
    }

    @Test
    void recognizersAreNamedAndListedOnce() {
        List<String> names = RedactionPolicy.of(RedactionProperties.defaults(), null).recognizers().stream()
                .map(Recognizer::name)
                .toList();

        assertThat(names)
                .containsExactly(
                        "date",
                        "phone",
                        "email",
                        "url",
                        "ip-address",
                        "ssn",
                        "card-number",
                        "npi",
                        "dea-number",
                        "vin",
                        "record-number",
                        "labelled-id",
                        "titled-name",
                        "profession-context",
                        "occupation",
                        "street-address",
                        "zip-code",
                        "facility",
                        "age-over-89",
                        "deny-list");
    }
}
