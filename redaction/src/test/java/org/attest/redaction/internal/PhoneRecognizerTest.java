package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneRecognizerTest {

    private final PhoneRecognizer phones = new PhoneRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            reach her at (555) 234-5678 today    | (555) 234-5678
            reach her at (555)234-5678           | (555)234-5678
            number 555-234-5678.                 | 555-234-5678
            number 555.234.5678                  | 555.234.5678
            number +1 555-234-5678               | +1 555-234-5678
            number 1-555-234-5678                | 1-555-234-5678
            office 555-234-5678 x123 weekdays    | 555-234-5678 x123
            office 555-234-5678 ext. 4 weekdays  | 555-234-5678 ext. 4
            call 555-234-5678 x3 days            | 555-234-5678
            call 555-234-5678 x10 days           | 555-234-5678
            Call 555 234 5678                    | 555 234 5678
            Phone: 5552345678                    | 5552345678
            call 234-5678 after 5                | 234-5678
            Tel +44 20 7946 0958                 | +44 20 7946 0958
            """)
    void findsTelephoneNumbers(String text, String phone) {
        assertThat(Found.texts(phones, text)).containsExactly(phone);
    }

    @Test
    void faxWhenTheNearestLabelIsFax() {
        String text = "Phone: 555-234-5678, Fax: 555-234-9999; 555-234-7777 (fax)";

        assertThat(Found.entities(phones, text)).extracting(PhiEntity::subtype).containsExactly("PHONE", "FAX", "FAX");
        assertThat(Found.entities(phones, text))
                .allSatisfy(e -> assertThat(e.type()).isEqualTo(PhiType.CONTACT));
    }

    @Test
    void labelsRaiseTheScore() {
        assertThat(phones.find("555-234-5678").getFirst().score()).isEqualTo(0.7);
        assertThat(phones.find("cell 555-234-5678").getFirst().score()).isEqualTo(1.0);
        assertThat(phones.find("cell 5552345678").getFirst().score()).isEqualTo(0.85);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "glucose 5552345678",
                "MRN 5552345678",
                "call 1552345678",
                "123-45-6789",
                "2021-03-04",
                "555-234-56789",
                "1555-234-5678",
                "555-234.5678",
                "Tel +1.5 2.3",
                "phone 12 34"
            })
    void ignoresNumbersWithoutTelephoneShape(String text) {
        assertThat(phones.find(text)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("org.attest.redaction.internal.ClinicalLookAlikes#ALL")
    void leavesClinicalLookAlikesAlone(String text) {
        assertThat(phones.find(text)).isEmpty();
    }
}
