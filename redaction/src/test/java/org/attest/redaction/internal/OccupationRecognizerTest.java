package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.redaction.PhiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class OccupationRecognizerTest {

    private final OccupationRecognizer occupations = new OccupationRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            The stonemason noted tingling in both hands.      | stonemason
            She is a retired park ranger with knee pain.      | park ranger
            Before retiring she was a glassblower.            | glassblower
            both sons are electricians                        | electricians
            works nights as a truck  driver                   | truck  driver
            the baker noted tingling                          | baker
            STONEMASON, RETIRED                               | STONEMASON
            Stonemason by trade.                              | Stonemason
            """)
    void findsTheTrade(String text, String trade) {
        assertThat(Found.texts(occupations, text)).containsExactly(trade);
        assertThat(occupations.find(text).getFirst().type()).isEqualTo(PhiType.PROFESSION);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Seen by Dr. Baker in clinic.",
                "Ms. Carpenter called about her refill.",
                "History of farmer's lung.",
                "A Baker's cyst was seen on ultrasound.",
                "The nurse and the pharmacist reviewed the list.",
                "Spanish interpreter present for the visit.",
                "Son holds power of attorney.",
                "Will tailor the regimen to her renal function.",
                "Driver mutation testing is pending.",
                "bakery",
                "painterly",
                "minerals"
            })
    void leavesTheCareTeamSurnamesAndClinicalSensesAlone(String text) {
        assertThat(occupations.find(text)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("org.attest.redaction.internal.ClinicalLookAlikes#ALL")
    void leavesClinicalLookAlikesAlone(String text) {
        assertThat(occupations.find(text)).isEmpty();
    }

    @Test
    void theGazetteerIsLowerCaseWithoutTheCareTeam() {
        assertThat(OccupationRecognizer.occupations())
                .hasSizeGreaterThan(250)
                .allMatch(o -> o.equals(o.toLowerCase(java.util.Locale.ROOT)))
                .doesNotContain("nurse", "physician", "pharmacist", "therapist", "interpreter", "attorney", "student");
    }
}
