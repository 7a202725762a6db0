package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRecognizerTest {

    private final UrlRecognizer urls = new UrlRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            portal https://portal.example.org/patient?id=123&x=1 today | https://portal.example.org/patient?id=123&x=1
            (see www.example.org/a).                                   | www.example.org/a
            HTTP://EXAMPLE.ORG/                                         | HTTP://EXAMPLE.ORG/
            log http://10.0.0.1:8080/x,                                | http://10.0.0.1:8080/x
            ftp://files.example.org/notes.txt!                         | ftp://files.example.org/notes.txt
            """)
    void findsAddressesWithASchemeOrWww(String text, String url) {
        assertThat(Found.texts(urls, text)).containsExactly(url);
        assertThat(urls.find(text).getFirst().subtype()).isEqualTo("URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.", "http://", "https://.", "example.org/x", "e.g. i.v. fluids", "x.www.example.org"})
    void ignoresWhatIsNoAddress(String text) {
        assertThat(urls.find(text)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("org.attest.redaction.internal.ClinicalLookAlikes#ALL")
    void leavesClinicalLookAlikesAlone(String text) {
        assertThat(urls.find(text)).isEmpty();
    }
}
