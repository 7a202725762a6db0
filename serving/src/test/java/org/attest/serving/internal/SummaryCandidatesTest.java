package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummaryCandidatesTest {

    private static List<String> contents(String text) {
        return SummaryCandidates.of(NoteSegmenter.segment(text)).stream()
                .map(NoteUnit::content)
                .toList();
    }

    @Test
    void dropsHeadersShortUnitsAndRepeats() {
        assertThat(contents("PLAN\nOkay. Rest and fluids today. Rest and fluids today!"))
                .containsExactly("Rest and fluids today.");
    }

    @Test
    void joinsAQuestionWithAShortAnswerFromTheOtherSpeakerOnly() {
        String dialogue = """
                Doctor: Any drug allergies?
                Patient: No.
                Doctor: Do you smoke?
                Patient: I quit smoking five years ago, after my heart attack.
                Doctor: Any fever at night?
                Doctor: Okay.
                """;

        assertThat(contents(dialogue))
                .containsExactly(
                        "Any drug allergies? No.",
                        "Do you smoke?",
                        "I quit smoking five years ago, after my heart attack.",
                        "Any fever at night?");
    }

    @Test
    void dropsLeadingSpokenFillersButKeepsTheRestVerbatim() {
        assertThat(contents("Patient: Um, well, yeah, my dad passed away from a heart attack."))
                .containsExactly("my dad passed away from a heart attack.");
        assertThat(contents("Patient: Well, yeah.")).containsExactly("yeah.");
    }

    @Test
    void cutsAUnitLongerThanTheEncoderWindowIntoPiecesThatKeepEveryWord() {
        String run = IntStream.range(0, 400).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));

        List<String> pieces = contents(run);

        assertThat(pieces)
                .hasSize(3)
                .allSatisfy(piece -> assertThat(piece.split(" ")).hasSizeLessThanOrEqualTo(150));
        assertThat(String.join(" ", pieces)).isEqualTo(run);
    }

    @Test
    void countsTheWordsOfTheContentWithoutSpeakerTagsOrHeaders() {
        assertThat(SummaryCandidates.words(NoteSegmenter.segment("PLAN\nDoctor: Rest today.\nPatient: Okay.")))
                .isEqualTo(3);
    }
}
