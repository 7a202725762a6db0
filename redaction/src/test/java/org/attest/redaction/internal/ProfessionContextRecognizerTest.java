package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.redaction.PhiType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfessionContextRecognizerTest {

    private final ProfessionContextRecognizer professions = new ProfessionContextRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            She works as a hospice chaplain at the county home.  | hospice chaplain
            he worked as an electrician until 2019                | electrician
            Employed as a forklift operator for six years         | forklift operator
            WORKS AS A WELDER.                                    | WELDER
            works part-time as a barista and studies              | barista
            Occupation: sheet metal worker                        | sheet metal worker
            Job - long-haul trucker, drives nights                | long-haul trucker
            Profession: a pharmacist                              | pharmacist
            He is a retired mail carrier who lives alone.         | mail carrier
            trained as a midwife in 1990                          | midwife
            """)
    void findsTheProfessionAfterItsContext(String text, String profession) {
        assertThat(Found.texts(professions, text)).containsExactly(profession);
        assertThat(professions.find(text).getFirst().type()).isEqualTo(PhiType.PROFESSION);
        assertThat(professions.find(text).getFirst().subtype()).isEqualTo("PROFESSION");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The new inhaler works as expected.",
                "The medication worked as a result of the higher dose.",
                "Occupation: unemployed.",
                "Retired in 2015 and lives with his wife.",
                "retired, lives alone",
                "job-related stress",
                "She is a nurse.",
                "Works well with the team as a whole.",
                "Patient was seen as a walk-in."
            })
    void leavesTextWithoutTheContextAlone(String text) {
        assertThat(professions.find(text)).isEmpty();
    }
}
