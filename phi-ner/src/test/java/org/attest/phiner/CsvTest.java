package org.attest.phiner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsKeepCommasLineBreaksAndDoubledQuotes() {
        assertThat(Csv.parse("id,text\r\n1,\"Doctor: Hi, \"\"there\"\"\nPatient: Hello\"\n2,plain\n"))
                .containsExactly(
                        java.util.List.of("id", "text"),
                        java.util.List.of("1", "Doctor: Hi, \"there\"\nPatient: Hello"),
                        java.util.List.of("2", "plain"));
    }
}
