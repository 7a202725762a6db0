package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRecognizerTest {

    private final EmailRecognizer emails = new EmailRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            write to jane.doe@example.com.           | jane.doe@example.com
            (j_doe+notes@mail.hospital.org)          | j_doe+notes@mail.hospital.org
            JANE@EXAMPLE.CO.UK                       | JANE@EXAMPLE.CO.UK
            contact:a-b%c@x-y.example.net;           | a-b%c@x-y.example.net
            """)
    void findsAddresses(String text, String address) {
        assertThat(Found.texts(emails, text)).containsExactly(address);
        assertThat(emails.find(text).getFirst().subtype()).isEqualTo("EMAIL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "@handle", "user@localhost", "user@.com", "user@example.c", "mail @ example.com"})
    void ignoresWhatIsNoAddress(String text) {
        assertThat(emails.find(text)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("org.attest.redaction.internal.ClinicalLookAlikes#ALL")
    void leavesClinicalLookAlikesAlone(String text) {
        assertThat(emails.find(text)).isEmpty();
    }
}
