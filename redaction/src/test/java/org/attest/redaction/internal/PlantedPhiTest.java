package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.Redaction;
import org.attest.redaction.Redactor;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property: in any mix of clinical look-alikes, non-BMP characters and planted PHI, the redactor finds exactly the
 * planted values, at their exact offsets, and the redacted text keeps none of them. Seeded, so a failure replays.
 */
class PlantedPhiTest {

    private record Plant(String before, String value, String after, String subtype) {}

    private record Span(int start, int end, String subtype) {}

    private static final List<Plant> PLANTS = List.of(
            new Plant("DOB ", "03/04/1931", " ", "DATE"),
            new Plant("admitted ", "March 9, 2021", " ", "DATE"),
            new Plant("seen on ", "3/12", " ", "DATE"),
            new Plant("drawn ", "04-Mar-2021", " ", "DATE"),
            new Plant("on ", "2021-03-04", " ", "DATE"),
            new Plant("Phone: ", "(555) 234-5678", " ", "PHONE"),
            new Plant("Fax: ", "555-234-9999", " ", "FAX"),
            new Plant("e-mail ", "jane.doe@example.com", " ", "EMAIL"),
            new Plant("SSN ", "123-45-6789", " ", "SSN"),
            new Plant("MRN: ", "A1234567", " ", "MRN"),
            new Plant("acct ", "5566778", " ", "ACCOUNT"),
            new Plant("see ", "https://x.example.org/p/1", " ", "URL"),
            new Plant("from IP ", "10.1.2.3", " ", "IP"),
            new Plant("Dr. ", "Alice Nguyen", ". ", "DOCTOR"),
            new Plant("Mrs. ", "Smith-Jones", ". ", "PERSON"),
            new Plant("a ", "92", "-year-old ", "AGE"),
            new Plant("aged ", "101", " ", "AGE"),
            new Plant("", "94", " yo ", "AGE"),
            new Plant("Mr. ", "O'Brien", ", ", "PERSON"),
            new Plant("per Dr. ", "J. Smith", "; ", "DOCTOR"),
            new Plant("SSN: ", "123456789", " ", "SSN"),
            new Plant("Medical Record Number: ", "00123456", " ", "MRN"),
            new Plant("host ", "192.168.0.1", " ", "IP"),
            new Plant("(", "www.example.org/x", ") ", "URL"),
            new Plant("on the ", "4th of March", " ", "DATE"),
            new Plant("since ", "Mar 4", ", ", "DATE"),
            new Plant("cell ", "555 234 5678", " ", "PHONE"));

    private static final List<String> FILLER = filler();

    private final Redactor redactor = new PolicyRedactor(RedactionProperties.defaults());

    @RepeatedTest(200)
    void findsExactlyWhatWasPlanted(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        StringBuilder text = new StringBuilder();
        List<Span> planted = new ArrayList<>();
        for (int part = 0; part < 40; part++) {
            if (random.nextBoolean()) {
                Plant plant = PLANTS.get(random.nextInt(PLANTS.size()));
                text.append(plant.before());
                planted.add(
                        new Span(text.length(), text.length() + plant.value().length(), plant.subtype()));
                text.append(plant.value()).append(plant.after());
            } else {
                text.append(FILLER.get(random.nextInt(FILLER.size()))).append(random.nextBoolean() ? " " : "\n");
            }
        }
        String note = text.toString();

        Redaction redaction = redactor.redact(note);

        assertThat(redaction.entities())
                .as("seed %d", repetition.getCurrentRepetition())
                .extracting(e -> new Span(e.start(), e.end(), e.subtype()))
                .containsExactlyElementsOf(planted);
        for (PhiEntity entity : redaction.entities()) {
            assertThat(redaction.redactedText()).doesNotContain(note.substring(entity.start(), entity.end()));
        }
    }

    private static List<String> filler() {
        List<String> filler = new ArrayList<>(ClinicalLookAlikes.ALL);
        filler.addAll(List.of(
                "😀",
                "🩺🩺",
                "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                "👨‍👩‍👧",
                "naïve",
                "stable.",
                "no acute distress;",
                "Plan:",
                "LA enlargement",
                "PCP",
                "DM",
                "Will follow",
                "Lewy body",
                "Creutzfeldt-Jakob",
                "Sternal wound",
                "Abdomen soft"));
        return List.copyOf(filler);
    }
}
