package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.redaction.PhiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class SsnRecognizerTest {

    private final SsnRecognizer ssns = new SsnRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            patient 123-45-6789 on file         | 123-45-6789
            SSN 123 45 6789                     | 123 45 6789
            SSN: 123456789                      | 123456789
            social security number 123456789    | 123456789
            Soc. Sec. 123456789                 | 123456789
            """)
    void findsSocialSecurityNumbers(String text, String ssn) {
        assertThat(Found.texts(ssns, text)).containsExactly(ssn);
        assertThat(ssns.find(text).getFirst().type()).isEqualTo(PhiType.ID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "000-12-3456",
                "666-12-3456",
                "900-12-3456",
                "987-65-4321",
                "123-00-4567",
                "123-45-0000",
                "123456789",
                "SSN 000123456",
                "123-45-67890",
                "1123-45-6789",
                "123-45 6789",
                "patient 123 45 6789",
                "123-45-6789-1"
            })
    void rejectsNumbersTheSsaNeverIssuesOrThatLackContext(String text) {
        assertThat(ssns.find(text)).isEmpty();
    }

    @Test
    void contextRaisesTheScore() {
        assertThat(ssns.find("123-45-6789").getFirst().score()).isEqualTo(0.6);
        assertThat(ssns.find("SSN 123-45-6789").getFirst().score()).isEqualTo(0.95);
    }

    @ParameterizedTest
    @FieldSource("org.attest.redaction.internal.ClinicalLookAlikes#ALL")
    void leavesClinicalLookAlikesAlone(String text) {
        assertThat(ssns.find(text)).isEmpty();
    }
}
