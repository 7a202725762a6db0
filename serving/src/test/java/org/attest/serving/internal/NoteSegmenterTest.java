package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.attest.serving.internal.NoteUnit.Kind;
import org.junit.jupiter.api.Test;

class NoteSegmenterTest {

    @Test
    void splitsProseIntoSentencesAcrossWrappedLines() {
        List<NoteUnit> units = NoteSegmenter.segment("The patient has a cough.\nShe denies\nfever. Lungs are clear.");

        assertThat(units)
                .extracting(NoteUnit::kind, NoteUnit::text)
                .containsExactly(
                        tuple(Kind.SENTENCE, "The patient has a cough."),
                        tuple(Kind.SENTENCE, "She denies fever."),
                        tuple(Kind.SENTENCE, "Lungs are clear."));
    }

    @Test
    void recognizesHeadersBulletsAndNumberedItems() {
        List<NoteUnit> units = NoteSegmenter.segment(
                "HISTORY OF PRESENT ILLNESS\nCough.\n\nPlan:\n- Start amoxicillin.\n2) Chest X-ray.\n## Follow-up\n• Two weeks.");

        assertThat(units)
                .extracting(NoteUnit::kind, NoteUnit::text, NoteUnit::content)
                .containsExactly(
                        tuple(Kind.HEADER, "HISTORY OF PRESENT ILLNESS", "HISTORY OF PRESENT ILLNESS"),
                        tuple(Kind.SENTENCE, "Cough.", "Cough."),
                        tuple(Kind.HEADER, "Plan", "Plan"),
                        tuple(Kind.BULLET, "- Start amoxicillin.", "Start amoxicillin."),
                        tuple(Kind.BULLET, "2) Chest X-ray.", "Chest X-ray."),
                        tuple(Kind.HEADER, "Follow-up", "Follow-up"),
                        tuple(Kind.BULLET, "• Two weeks.", "Two weeks."));
    }

    @Test
    void dialogueTurnsKeepTheirSpeakerInTheTextButNotInTheContent() {
        List<NoteUnit> units =
                NoteSegmenter.segment("Doctor: How are you? Any pain?\nPatient: My knee hurts.\nit started last week.\n"
                        + "[doctor] okay .\nGuest_family_1: She fell.\nDoctor_2: Hello.\n");

        assertThat(units)
                .extracting(NoteUnit::kind, NoteUnit::text, NoteUnit::content)
                .containsExactly(
                        tuple(Kind.TURN, "Doctor: How are you?", "How are you?"),
                        tuple(Kind.TURN, "Doctor: Any pain?", "Any pain?"),
                        tuple(Kind.TURN, "Patient: My knee hurts.", "My knee hurts."),
                        tuple(Kind.TURN, "Patient: it started last week.", "it started last week."),
                        tuple(Kind.TURN, "Doctor: okay .", "okay ."),
                        tuple(Kind.TURN, "Guest family 1: She fell.", "She fell."),
                        tuple(Kind.TURN, "Doctor 2: Hello.", "Hello."));
    }

    @Test
    void aLabelThatIsNotASpeakerIsProse() {
        List<NoteUnit> units =
                NoteSegmenter.segment("Patient states: the pain is better.\n[NAME] is here.\nDiagnosis: flu.\n"
                        + "Mother: breast cancer at 50.\nPT: 12 seconds.");

        assertThat(units).extracting(NoteUnit::kind).containsOnly(Kind.SENTENCE);
        assertThat(units)
                .extracting(NoteUnit::text)
                .containsExactly(
                        "Patient states: the pain is better.",
                        "[NAME] is here.",
                        "Diagnosis: flu.",
                        "Mother: breast cancer at 50.",
                        "PT: 12 seconds.");
    }

    @Test
    void aBlankLineEndsATurn() {
        List<NoteUnit> units = NoteSegmenter.segment("Patient: I feel fine.\n\nVitals are normal.");

        assertThat(units).extracting(NoteUnit::kind).containsExactly(Kind.TURN, Kind.SENTENCE);
    }

    @Test
    void headerRules() {
        assertThat(NoteSegmenter.isHeader("ASSESSMENT AND PLAN")).isTrue();
        assertThat(NoteSegmenter.isHeader("Review of systems:")).isTrue();
        assertThat(NoteSegmenter.isHeader("# Plan")).isTrue();
        assertThat(NoteSegmenter.isHeader("NO ACUTE DISTRESS.")).isFalse();
        assertThat(NoteSegmenter.isHeader("Chest pain for two days")).isFalse();
        assertThat(NoteSegmenter.isHeader("These nine words are far too many to be a header:"))
                .isFalse();
    }

    @Test
    void rendersEachParagraphTurnAndBulletOnItsOwnLineWithoutSpeakerTags() {
        List<NoteUnit> units = NoteSegmenter.segment(
                "A cough. A fever.\n\nNo rash.\n- Rest.\nDoctor: Drink water. Sleep.\nPatient: Okay.");

        assertThat(NoteUnit.render(units))
                .isEqualTo("A cough. A fever.\nNo rash.\n- Rest.\nDrink water. Sleep.\nOkay.");
    }

    @Test
    void normalizedContentFoldsCaseAndPunctuation() {
        NoteUnit unit = new NoteUnit(Kind.SENTENCE, "No  fever, NO chills!", "No  fever, NO chills!", 0);

        assertThat(unit.normalized()).isEqualTo("no fever no chills");
        assertThat(unit.words()).isEqualTo(4);
        assertThat(new NoteUnit(Kind.SENTENCE, "...", "...", 0).words()).isZero();
    }
}
