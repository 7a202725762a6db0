package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordNumberRecognizerTest {

    private final RecordNumberRecognizer records = new RecordNumberRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            MRN 12345678 on the wristband       | 12345678    | MRN
            MRN: A1234567                        | A1234567    | MRN
            mrn#00123456                         | 00123456    | MRN
            MR# 0012345                          | 0012345     | MRN
            Medical Record Number: 00123456      | 00123456    | MRN
            med rec 445566                       | 445566      | MRN
            record # 98765                       | 98765       | MRN
            Record No. 98765-AB                  | 98765-AB    | MRN
            The MRN is 7654321.                  | 7654321     | MRN
            MRN No. 7654321                      | 7654321     | MRN
            mr # 7654321                         | 7654321     | MRN
            Acct No: 1234567                     | 1234567     | ACCOUNT
            acct 5566778                         | 5566778     | ACCOUNT
            Account Number: 12-345-678           | 12-345-678  | ACCOUNT
            Acct#: 9988776-                      | 9988776     | ACCOUNT
            """)
    void findsTheIdentifierAfterTheLabel(String text, String id, String subtype) {
        assertThat(Found.texts(records, text)).containsExactly(id);
        PhiEntity entity = records.find(text).getFirst();
        assertThat(entity.type()).isEqualTo(PhiType.ID);
        assertThat(entity.subtype()).isEqualTo(subtype);
        assertThat(entity.detector()).isEqualTo("record-number");
    }

    @Test
    void findsEveryLabelledNumber() {
        assertThat(Found.texts(records, "MRN 123456 / Acct: 7890123")).containsExactly("123456", "7890123");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12345678",
                "acct 12",
                "MRN AB12",
                "MRNs 1234567",
                "record 123456",
                "record numbers 123456",
                "accounting 123456",
                "medical records 2019 data"
            })
    void needsALabelAndAnIdentifier(String text) {
        assertThat(records.find(text)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("org.attest.redaction.internal.ClinicalLookAlikes#ALL")
    void leavesClinicalLookAlikesAlone(String text) {
        assertThat(records.find(text)).isEmpty();
    }
}
