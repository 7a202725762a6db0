package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgeOver89RecognizerTest {

    private final AgeOver89Recognizer ages = new AgeOver89Recognizer(89);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a 92-year-old woman           | 92
            a 92 year old woman           | 92
            92 years old                  | 92
            92-yr-old                     | 92
            94 yo male                    | 94
            94yo male                     | 94
            94 y/o male                   | 94
            95 y.o. female                | 95
            90 years of age               | 90
            92.5 years old                | 92.5
            age 93                        | 93
            Age: 95                       | 95
            aged 101                      | 101
            AGE 90                        | 90
            """)
    void redactsTheNumberOfAnAgeOver89(String text, String age) {
        assertThat(Found.texts(ages, text)).containsExactly(age);
        PhiEntity entity = ages.find(text).getFirst();
        assertThat(entity.type()).isEqualTo(PhiType.AGE);
        assertThat(entity.subtype()).isEqualTo("AGE");
        assertThat(entity.detector()).isEqualTo("age-over-89");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a 45-year-old",
                "age 89",
                "89 yo",
                "89.9 years old",
                "age 200",
                "age 1000",
                "page 95",
                "stage 100",
                "the year 2019",
                "for 92 years",
                "Temp 98.6 F",
                "95 yards",
                "age 9.95"
            })
    void leavesAgesUpTo89AndOtherNumbersAlone(String text) {
        assertThat(ages.find(text)).isEmpty();
    }

    @Test
    void aLowerThresholdIsStricterAndNamedForIt() {
        AgeOver89Recognizer stricter = new AgeOver89Recognizer(85);

        assertThat(Found.texts(stricter, "age 86")).containsExactly("86");
        assertThat(stricter.name()).isEqualTo("age-over-85");
    }

    @ParameterizedTest
    @FieldSource("org.attest.redaction.internal.ClinicalLookAlikes#ALL")
    void leavesClinicalLookAlikesAlone(String text) {
        assertThat(ages.find(text)).isEmpty();
    }
}
