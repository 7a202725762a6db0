package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtException;
import java.util.List;
import org.attest.serving.internal.CentroidSummarizer.Extract;
import org.junit.jupiter.api.Test;

class CentroidSummarizerTest {

    private final CentroidSummarizer summarizer = TestModel.summarizer();

    /** Summary units, one per line or sentence, with a turn's speaker taken off. */
    private static List<String> units(String summary) {
        return NoteSegmenter.segment(summary).stream().map(NoteUnit::content).toList();
    }

    private static int words(String text) {
        return text.split("\\s+").length;
    }

    private static String collapsed(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void isDeterministic() throws OrtException {
        for (String text : List.of(TestNotes.CLINIC_NOTE, TestNotes.DIALOGUE, TestNotes.longNote(120))) {
            Extract first = summarizer.summarize(text);
            Extract second = summarizer.summarize(text);

            assertThat(second.text()).isEqualTo(first.text());
            assertThat(second.confidence()).isEqualTo(first.confidence());
            assertThat(second.signals()).isEqualTo(first.signals());
        }
    }

    @Test
    void everySummaryUnitComesFromTheInputInItsOrderAndHeadersAreNotQuoted() throws OrtException {
        Extract extract = summarizer.summarize(TestNotes.CLINIC_NOTE);
        List<String> units = units(extract.text());

        assertThat(units).isNotEmpty();
        assertThat(words(extract.text())).isLessThan(words(TestNotes.CLINIC_NOTE) * 3 / 4);
        String source = collapsed(TestNotes.CLINIC_NOTE);
        int previous = -1;
        for (String unit : units) {
            int at = source.indexOf(unit);
            assertThat(at)
                    .as("'%s' is in the note after the previous unit", unit)
                    .isGreaterThan(previous);
            previous = at;
        }
        assertThat(extract.text()).doesNotContain("HISTORY OF PRESENT ILLNESS", "ASSESSMENT AND PLAN");
    }

    @Test
    void repeatedSentencesAppearOnceInTheSummary() throws OrtException {
        String repeated = """
                The patient has chest pain. The patient has chest pain. The patient has chest pain.
                THE PATIENT HAS CHEST PAIN!
                The patient has chest pain .
                He takes lisinopril for hypertension. He takes lisinopril for hypertension.
                An ECG shows sinus rhythm. Troponin is negative. He will see cardiology next week.
                The patient has chest pain. Blood glucose is 140 fasting. He walks daily for exercise.
                His father had a heart attack at sixty. He does not smoke. He drinks alcohol rarely.
                """;

        List<String> units = units(summarizer.summarize(repeated).text());

        List<String> normalized = units.stream()
                .map(unit -> new NoteUnit(NoteUnit.Kind.SENTENCE, unit, unit, 0).normalized())
                .toList();
        assertThat(normalized).doesNotHaveDuplicates();
        assertThat(units).hasSizeGreaterThan(1);
    }

    @Test
    void summarizesADialogueWithoutSpeakerTagsInTheSourcesWords() throws OrtException {
        Extract extract = summarizer.summarize(TestNotes.DIALOGUE);

        List<String> lines = extract.text().lines().toList();
        assertThat(lines).isNotEmpty().noneMatch(line -> line.startsWith("Doctor:") || line.startsWith("Patient:"));
        assertThat(lines).doesNotContain("Okay.").doesNotHaveDuplicates();
        String source = collapsed(TestNotes.DIALOGUE.replaceAll("(?m)^(Doctor|Patient): ", ""));
        for (String line : lines) {
            for (String sentence : SentenceSplitter.split(line)) {
                assertThat(source).contains(sentence);
            }
        }
        assertThat(extract.outOfDistribution()).isFalse();
    }

    @Test
    void joinsAQuestionWithItsShortAnswerOnOneLine() throws OrtException {
        String dialogue = """
                Doctor: Do you have any drug allergies?
                Patient: No.
                """;

        assertThat(summarizer.summarize(dialogue).text()).isEqualTo("Do you have any drug allergies? No.");
    }

    @Test
    void cutsAUnitLongerThanTheEncoderWindowIntoPiecesFromTheInput() throws OrtException {
        String run = TestNotes.longNote(60).replace(".", "");

        Extract extract = summarizer.summarize(run);

        assertThat(extract.candidates()).isGreaterThan(1);
        for (String line : extract.text().lines().toList()) {
            assertThat(run).contains(line);
        }
    }

    @Test
    void aOneSentenceTextIsItsOwnSummary() throws OrtException {
        String sentence = "The patient reports a sore throat and fever for three days.";

        assertThat(summarizer.summarize(sentence).text()).isEqualTo(sentence);
        assertThat(summarizer.summarize("  Fever.  ").text()).isEqualTo("Fever.");
    }

    @Test
    void aTextOfHeadersOnlyStillGetsASummary() throws OrtException {
        assertThat(summarizer.summarize("ALLERGIES\nMEDICATIONS").text().lines())
                .isNotEmpty()
                .doesNotHaveDuplicates()
                .isSubsetOf("ALLERGIES", "MEDICATIONS");
    }

    @Test
    void summarizesALongNoteWithinTheUnitCap() throws OrtException {
        Extract extract = summarizer.summarize(TestNotes.longNote(300));

        assertThat(extract.candidates()).isEqualTo(300);
        assertThat(units(extract.text())).hasSizeGreaterThan(1).doesNotHaveDuplicates();
        assertThat(extract.confidence()).isBetween(0.0, 1.0);

        Extract capped = summarizer.summarize(TestNotes.longNote(SummaryCandidates.MAX_UNITS + 50));
        assertThat(capped.candidates()).isEqualTo(SummaryCandidates.MAX_UNITS);
    }

    @Test
    void confidenceIsAProbabilityAndHigherForAClinicalNoteThanForOffTopicOrGarbledText() throws OrtException {
        Extract note = summarizer.summarize(TestNotes.CLINIC_NOTE);
        Extract dialogue = summarizer.summarize(TestNotes.DIALOGUE);
        List<Extract> others = List.of(
                summarizer.summarize(TestNotes.OFF_TOPIC),
                summarizer.summarize(TestNotes.RECIPE),
                summarizer.summarize(TestNotes.GARBLED),
                summarizer.summarize("xk3j 9fq2 zzpq lv0w"));

        for (Extract typical : List.of(note, dialogue)) {
            assertThat(typical.confidence()).isBetween(0.0, 1.0).isGreaterThan(0.5);
            assertThat(typical.outOfDistribution()).isFalse();
        }
        assertThat(others).allSatisfy(other -> {
            assertThat(other.confidence())
                    .isBetween(0.0, SummaryConfidence.OUT_OF_DISTRIBUTION_CAP)
                    .isLessThan(Math.min(note.confidence(), dialogue.confidence()) - 0.3);
            assertThat(other.outOfDistribution()).isTrue();
        });
    }

    @Test
    void aShortSmallTalkDialogueGetsLessConfidenceThanAClinicalOne() throws OrtException {
        double smallTalk = summarizer
                .summarize("Doctor: Hi, how are you?\nPatient: Fine, thanks. And you?")
                .confidence();

        assertThat(smallTalk)
                .isBetween(0.0, 1.0)
                .isLessThan(summarizer.summarize(TestNotes.DIALOGUE).confidence());
    }

    @Test
    void signalsAreCosines() throws OrtException {
        ConfidenceSignals signals = summarizer.summarize(TestNotes.CLINIC_NOTE).signals();

        assertThat(signals.domain()).isBetween(0.3, 1.0);
        assertThat(signals.coverage()).isBetween(0.5, 1.0);
        assertThat(signals.cohesion()).isBetween(0.0, 1.0);
    }
}
