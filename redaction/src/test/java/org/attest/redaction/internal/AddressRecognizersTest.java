package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Streets, ZIP codes, facilities and IPv6 addresses: positives and look-alikes. */
class AddressRecognizersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            lives at 12 Elm Street with her son          | 12 Elm Street
            wohnt in der Hauptstraße 12 seit Jahren     | Hauptstraße 12
            visits at Rilkestr. 95a twice weekly         | Rilkestr. 95a
            address: Kerkstraat 5a, Utrecht              | Kerkstraat 5a
            lives at 12 rue de la Paix in Paris          | 12 rue de la Paix
            moved to Via Roma 10 last year               | Via Roma 10
            address: 4500 N. Martin Luther King Blvd.    | 4500 N. Martin Luther King Blvd.
            moved to 77 Oak Ave., Apt 4B last year       | 77 Oak Ave., Apt 4B
            mail to PO Box 123                           | PO Box 123
            """)
    void findsStreetAddresses(String text, String expected) {
        assertThat(Found.texts(new StreetAddressRecognizer(), text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "take 2 Tylenol tablets",
                "3 Times Daily",
                "seen by 3 Dr visits",
                "walks 2 blocks",
                "Route 9 exit",
                "12 St. John's wort capsules"
            })
    void ignoresStreetLookAlikes(String text) {
        assertThat(new StreetAddressRecognizer().find(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Boston, MA 02115                    | 02115
            Springfield, Illinois 62704-1234    | 62704-1234
            zip code: 90210                     | 90210
            """)
    void findsZipCodesWhereAnAddressPutsThem(String text, String expected) {
        assertThat(Found.texts(new ZipCodeRecognizer(), text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WBC 12000", "glucose 10234", "platelets 15000/uL", "Ma 02115"})
    void ignoresFiveDigitLabValues(String text) {
        assertThat(new ZipCodeRecognizer().find(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            transferred from Mercy General Hospital today   | Mercy General Hospital
            seen at St. Luke's Medical Center               | St. Luke's Medical Center
            admitted to the Hospital of Saint Raphael       | Hospital of Saint Raphael
            follow up at Riverside Clinic                   | Riverside Clinic
            The Mercy Hospital called                       | Mercy Hospital
            """)
    void findsNamedFacilities(String text, String expected) {
        assertThat(Found.texts(new FacilityRecognizer(), text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "referred to Cardiology Clinic",
                "presented to the Emergency Department",
                "Urgent Care Clinic visit",
                "hospital course was uneventful",
                "Hospital Course: stable",
                "Primary Care Clinic"
            })
    void ignoresDepartmentsAndGenericFacilityWords(String text) {
        assertThat(new FacilityRecognizer().find(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "from 2001:db8::1 at noon",
                "host fe80::1ff:fe23:4567:890a",
                "ip 2001:0db8:85a3:0000:0000:8a2e:0370:7334.",
                "mapped ::ffff:192.0.2.128 address"
            })
    void findsIpv6Addresses(String text) {
        // The IPv4 tail of a mapped address is found too; the policy merges it into the IPv6 span.
        String longest = Found.texts(new IpAddressRecognizer(), text).stream()
                .max(java.util.Comparator.comparingInt(String::length))
                .orElseThrow();
        assertThat(longest.chars().filter(c -> c == ':').count()).isGreaterThanOrEqualTo(2);
        assertThat(text).contains(" " + longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"at 10:30:45", "ratio 1:2:3", "cafe:babe", "1:2:3:4:5:6:7:8:9", "a::b::c"})
    void ignoresTimesAndRatiosThatLookLikeIpv6(String text) {
        assertThat(new IpAddressRecognizer().find(text)).isEmpty();
    }
}
