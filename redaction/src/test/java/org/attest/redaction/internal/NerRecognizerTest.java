package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.Redaction;
import org.attest.serving.ModelState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NER recognizer on the real phi-ner model: fixed sentences, exact offsets, and the policy with it. */
class NerRecognizerTest {

    private final NerRecognizer ner = new NerRecognizer(PhiNerFixture.classifier());

    @Test
    void theShippedModelIsReady() {
        assertThat(ner.ready()).isTrue();
        assertThat(ner.modelId()).isEqualTo("phi-ner:2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Patient Margaret Okafor was seen today in clinic.               | Margaret Okafor
            She was transferred from Riverside General Hospital overnight. | Riverside General Hospital
            He works as an electrician and lives in Springfield.           | electrician
            """)
    void tagsPhiInFixedSentencesAtExactOffsets(String text, String expected) {
        List<String> found = ner.find(text).stream()
                .map(e -> text.substring(e.start(), e.end()))
                .toList();

        assertThat(found).contains(expected);
    }

    @Test
    void leavesAPhiFreeClinicalSentenceAlone() {
        assertThat(ner.find("The patient denies chest pain, shortness of breath, or swelling in her legs."))
                .isEmpty();
    }

    @Test
    void offsetsStayExactAroundEmoji() {
        String text = "🙂🩺 Patient Margaret Okafor 👨‍👩‍👧 was seen by Dr. Haddad.";

        List<PhiEntity> found = ner.find(text);

        assertThat(found).extracting(e -> text.substring(e.start(), e.end())).contains("Margaret Okafor");
    }

    @Test
    void aConditionNamedAfterATradeIsNotTheTradeEvenWhenTheModelTagsIt() {
        PolicyRedactor redactor = new PolicyRedactor(RedactionProperties.defaults(), PhiNerFixture.classifier());
        String text = "Farmer's lung ruled out. Boxer's fracture of the right hand. The farmer lives alone.";

        assertThat(redactor.redact(text).redactedText())
                .isEqualTo(
                        "Farmer's lung ruled out. Boxer's fracture of the right hand. The [PROFESSION] lives alone.");
    }

    @Test
    void thePolicyNamesTheModelInItsVersionAndRedactsWithIt() {
        PolicyRedactor redactor = new PolicyRedactor(RedactionProperties.defaults(), PhiNerFixture.classifier());

        Redaction redaction = redactor.redact("Patient Margaret Okafor, a teacher, was seen today.");

        assertThat(redactor.status().nerActive()).isTrue();
        assertThat(redaction.policyVersion()).isEqualTo("safe-harbor/4+phi-ner:2");
        assertThat(redaction.redactedText()).doesNotContain("Margaret", "Okafor");
        assertThat(redaction.entities()).extracting(PhiEntity::detector).contains("phi-ner");
        assertThat(PhiNerFixture.classifier().status().state()).isEqualTo(ModelState.READY);
    }

    @Test
    void dropsFunctionWordsAndLowerCaseNamesInCasedSentencesButNotInLowerCaseOnes() {
        org.attest.serving.EntitySpan palpation = new org.attest.serving.EntitySpan("PATIENT", 8, 17, 0.9);

        assertThat(NerRecognizer.plausible(
                        "Follow up, the MRI is due.", new org.attest.serving.EntitySpan("HOSPITAL", 11, 14, 0.9)))
                .isFalse();
        assertThat(NerRecognizer.plausible("Pain to palpation here.", palpation))
                .isFalse();
        assertThat(NerRecognizer.plausible("pain to palpation here.", palpation))
                .isTrue();
        assertThat(NerRecognizer.plausible("Pain to Palpation here.", palpation))
                .isTrue();
        assertThat(NerRecognizer.plausible(
                        "She is a teacher now.", new org.attest.serving.EntitySpan("PROFESSION", 9, 16, 0.9)))
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Mr. Kaur, SSN 123-45-6789, was seen.    | 10 | 20 | 123-45
            DOB 03/14/1961 on file.                 | 0  | 6  | 03
            Seen with Dr Okafor MD today.           | 13 | 22 | Okafor
            SEEN BY ED OKAFOR TODAY                 | 8  | 17 | ED OKAFOR
            Start aspirin and heparin.              | 6  | 17 | aspirin
            seen by will and grace                  | 8  | 22 | will and grace
            """)
    void labelAbbreviationsAndFunctionWordsAtTheEdgesOfASpanAreNotPartOfIt(
            String text, int start, int end, String kept) {
        org.attest.serving.EntitySpan span = new org.attest.serving.EntitySpan("STREET", start, end, 0.9);

        assertThat(NerRecognizer.trimmed(text, span))
                .get()
                .extracting(s -> text.substring(s.start(), s.end()))
                .isEqualTo(kept);
    }

    @Test
    void aSpanOfAbbreviationsAloneIsDropped() {
        String text = "History of DM, on metformin.";

        assertThat(NerRecognizer.trimmed(text, new org.attest.serving.EntitySpan("ORGANIZATION", 11, 13, 0.9)))
                .isEmpty();
        assertThat(NerRecognizer.joined(text, List.of(new org.attest.serving.EntitySpan("ORGANIZATION", 11, 13, 0.9))))
                .isEmpty();
    }
}
