package org.attest.phiner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TemplateFillerTest {

    private final Random random = new Random(3);
    private final Surrogates surrogates = new Surrogates(random);

    @RepeatedTest(50)
    void goldSpansCoverExactlyTheSurrogatesAfterVariation() {
        Sentence filled = TemplateFiller.fill(
                "Dr. {DOCTOR} saw {PATIENT} at {HOSPITAL} in {CITY}, {STATE}.", surrogates::value, Surrogates::label);
        Sentence varied = TemplateFiller.vary(filled, random);

        assertThat(varied.spans())
                .extracting(Sentence.Span::label)
                .containsExactly("DOCTOR", "PATIENT", "HOSPITAL", "CITY", "STATE");
        for (int i = 0; i < filled.spans().size(); i++) {
            Sentence.Span before = filled.spans().get(i);
            Sentence.Span after = varied.spans().get(i);
            String original = filled.text().substring(before.start(), before.end());
            assertThat(varied.text().substring(after.start(), after.end())).isEqualToIgnoringCase(original);
        }
    }

    @Test
    void joiningShiftsTheSecondSentencesSpans() {
        Sentence first = TemplateFiller.fill("Seen by {DOCTOR}.", slot -> "Ng", Surrogates::label);
        Sentence second = TemplateFiller.fill("{RELATIVE} called.", slot -> "Omar", Surrogates::label);

        Sentence joined = first.then(" ", second);

        assertThat(joined.text()).isEqualTo("Seen by Ng. Omar called.");
        assertThat(joined.spans())
                .containsExactly(new Sentence.Span(8, 10, "DOCTOR"), new Sentence.Span(12, 16, "PATIENT"));
    }

    @Test
    void carrierSentencesWithNamesOrTitlesAreLeftOut() throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("carriers", ".csv");
        java.nio.file.Files.writeString(
                csv,
                "ID,section_text\n1,\"Denies chest pain. Seen by Dr. Ames today. "
                        + "Her husband Robert drove her.\nShe takes metformin daily, I think.\"\n");

        assertThat(CarrierSentences.read(csv, java.util.List.of("section_text"), 200))
                .containsExactly("Denies chest pain.", "She takes metformin daily, I think.");
    }
}
