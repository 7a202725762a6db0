package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.redaction.PhiEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelledIdRecognizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            member ID: XGH12345678               | XGH12345678  | HEALTH_PLAN
            Medicaid # 99-887766                 | 99-887766    | HEALTH_PLAN
            group number 55102                   | 55102        | HEALTH_PLAN
            license plate 7ABC123                | 7ABC123      | VEHICLE
            driver's license D1234567            | D1234567     | LICENSE
            certificate no. C-20455              | C-20455      | LICENSE
            serial number SN-55872-A             | SN-55872-A   | DEVICE
            pacemaker serial # PJN123456         | PJN123456    | DEVICE
            accession # S21-4455                 | S21-4455     | IDNUM
            patient ID 00456123                  | 00456123     | IDNUM
            """)
    void findsIdentifiersByTheirLabel(String text, String expected, String subtype) {
        assertThat(Found.texts(new LabelledIdRecognizer(), text)).containsExactly(expected);
        assertThat(Found.entities(new LabelledIdRecognizer(), text))
                .extracting(PhiEntity::subtype)
                .containsExactly(subtype);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "policy number unknown",
                "plan 12mg daily",
                "serial troponins negative",
                "plate 12 screws",
                "a lot of pain since 2019",
                "device check in 2 weeks",
                "group therapy 3x",
                "insurance is Medicare"
            })
    void ignoresLabelWordsWithoutAnIdentifier(String text) {
        assertThat(new LabelledIdRecognizer().find(text)).isEmpty();
    }
}
