package org.attest.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4180 escaping, and NULL kept apart from the empty string. */
class AuditEventsCsvTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "plain|plain",
                "a,b|\"a,b\"",
                "say \"hi\"|\"say \"\"hi\"\"\"",
                "=SUM(A1)|=SUM(A1)",
            })
    void fieldsAreQuotedOnlyWhenTheyMustBe(String value, String written) {
        assertThat(AuditEventsCsv.escape(value)).isEqualTo(written);
    }

    @Test
    void lineBreaksInsideAFieldAreQuotedAndAnEmptyStringIsNotANull() throws Exception {
        AuditEvent event = AuditEvent.builder(AuditEventType.PREDICTION_RELEASED, new Actor("iss", "sub"), "c", "r")
                .output("line one\r\nline two, with \"quotes\"")
                .decision("RELEASED", "")
                .build();
        StringWriter out = new StringWriter();
        AuditEventsCsv csv = new AuditEventsCsv(out);

        csv.header();
        csv.row(new AuditRecord(
                7, Instant.parse("2026-01-02T03:04:05.000006Z"), event, "0".repeat(64), "1".repeat(64)));

        List<List<String>> rows = Csv.parse(out.toString());
        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        assertThat(row).hasSize(AuditEventsCsv.HEADER.size());
        assertThat(row.get(0)).isEqualTo("7");
        assertThat(row.get(1)).isEqualTo("2026-01-02T03:04:05.000006Z");
        assertThat(row.get(10)).isEqualTo("line one\r\nline two, with \"quotes\"");
        assertThat(out.toString())
                .contains(",\"line one\r\nline two, with \"\"quotes\"\"\",")
                // the subject is NULL (nothing between the commas), the rule an empty string ("")
                .contains(",r,,")
                .contains(",RELEASED,\"\",");
    }
}
