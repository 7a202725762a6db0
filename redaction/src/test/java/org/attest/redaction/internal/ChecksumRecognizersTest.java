package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.redaction.PhiEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Card numbers (Luhn), NPI (Luhn over 80840), DEA numbers and VINs (check digits): positives and look-alikes. */
class ChecksumRecognizersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            card 4111 1111 1111 1111 on file        | 4111 1111 1111 1111
            paid with 5500-0000-0000-0004 today     | 5500-0000-0000-0004
            Amex 378282246310005.                   | 378282246310005
            visa 4012888888881881                   | 4012888888881881
            """)
    void findsCardNumbersWithAValidLuhnDigit(String text, String expected) {
        assertThat(Found.texts(new CardNumberRecognizer(), text)).containsExactly(expected);
        assertThat(Found.entities(new CardNumberRecognizer(), text))
                .extracting(PhiEntity::subtype)
                .containsExactly("CARD");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "card 4111 1111 1111 1112",
                "1234567812345670 reads",
                "glucose 1002345678",
                "accession 9999999999999995",
                "4111 1111 1111 1111/2"
            })
    void ignoresNumbersThatFailLuhnOrHaveNoIssuer(String text) {
        assertThat(new CardNumberRecognizer().find(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            NPI 1234567893                 | 1234567893
            NPI#: 1245319599 (attending)   | 1245319599
            """)
    void findsLabelledNpisWithAValidCheckDigit(String text, String expected) {
        assertThat(Found.texts(new NpiRecognizer(), text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NPI 1234567890",
                "1234567893 units",
                "NPI pending; see the glucose log: 1234567893",
                "NPI 3, then 1234567893"
            })
    void ignoresNpiLookAlikes(String text) {
        assertThat(new NpiRecognizer().find(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DEA AB1234563                  | AB1234563
            prescriber BJ6125341 signed    | BJ6125341
            """)
    void findsDeaNumbersWithAValidCheckDigit(String text, String expected) {
        assertThat(Found.texts(new DeaNumberRecognizer(), text)).containsExactly(expected);
        assertThat(Found.entities(new DeaNumberRecognizer(), text))
                .extracting(PhiEntity::subtype)
                .containsExactly("LICENSE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEA AB1234567", "ZZ1234563", "ab1234563", "CD4 count 350", "AB12345630"})
    void ignoresDeaLookAlikes(String text) {
        assertThat(new DeaNumberRecognizer().find(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VIN 1HGCM82633A004352 on the car", "car 1M8GDM9AXKP042788."})
    void findsVinsWithAValidCheckDigit(String text) {
        assertThat(Found.entities(new VinRecognizer(), text))
                .extracting(PhiEntity::subtype)
                .containsExactly("VEHICLE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1HGCM82633A004353", "11111111111111111", "ABCDEFGHJKLMNPRST", "1HGCM82633A0043521"})
    void ignoresVinLookAlikes(String text) {
        assertThat(new VinRecognizer().find(text)).isEmpty();
    }
}
