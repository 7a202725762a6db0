package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressRecognizerTest {

    private final IpAddressRecognizer ips = new IpAddressRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "10.0.0.1", "255.255.255.255", "0.0.0.0"})
    void findsValidAddresses(String address) {
        String text = "logged in from " + address + ".";

        assertThat(Found.texts(ips, text)).containsExactly(address);
        assertThat(ips.find(text).getFirst().subtype()).isEqualTo("IP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "1.2.3.4a", "v1.2.3.4", "1.2.3.999"})
    void rejectsInvalidOctetsAndLongerDottedNumbers(String text) {
        assertThat(ips.find(text)).isEmpty();
    }

    @Test
    void networkWordsRaiseTheScore() {
        assertThat(ips.find("version 1.2.3.4").getFirst().score()).isEqualTo(0.6);
        assertThat(ips.find("IP 1.2.3.4").getFirst().score()).isEqualTo(0.95);
    }

    @ParameterizedTest
    @FieldSource("org.attest.redaction.internal.ClinicalLookAlikes#ALL")
    void leavesClinicalLookAlikesAlone(String text) {
        assertThat(ips.find(text)).isEmpty();
    }
}
