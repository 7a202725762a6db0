package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A candidate over the marked word is dropped when it is a clinical look-alike, and kept when it is PHI. */
class ClinicalAllowListTest {

    private final ClinicalAllowList allowList = new ClinicalAllowList(List.of("Sunnyvale Protocol"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            history of Parkinson disease              | Parkinson
            early Parkinson's, on levodopa            | Parkinson's
            Glasgow Coma Scale 15                     | Glasgow
            Apgar 8 and 9                             | Apgar
            Apgars 8 and 9                            | Apgars
            LA enlargement on echo                    | LA
            DM2, on metformin                         | DM2
            PCP to follow up                          | PCP
            ECG shows ST depression                   | ST
            no PHI in this note                       | PHI
            likely angina; rule out NSTEMI            | rule out
            BP 120/80 at rest                         | 120/80
            started metformin 500 mg                  | metformin
            Na 140, K 4.1                             | 140
            Wells score 4                             | Wells
            Lewy body dementia                        | Lewy
            Murphy's sign positive                    | Murphy
            Farmer's lung ruled out                   | Farmer
            history of farmer's lung                  | farmer
            coal workers' pneumoconiosis              | coal workers
            housemaid's knee on the left              | housemaid
            swimmer's ear, drops given                | swimmer
            will call back                            | will
            given [NAME-1] a follow-up                | NAME-1
            per the Sunnyvale Protocol                | Sunnyvale Protocol
            """)
    void dropsLookAlikes(String text, String word) {
        assertThat(allowList.allows(text, over(text, word), allowList.protectedSpans(text)))
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Dr. Parkinson saw her                     | Parkinson
            flew in from Glasgow on Monday            | Glasgow
            Mr. Wells came alone                      | Wells
            lives in LA with his son                  | lives
            BP 120/80 on 3/4/21                        | 3/4/21
            called Mrs. Murphy at home                | Murphy
            Dr. Baker reviewed the film               | Baker
            the farmer lives alone                    | farmer
            """)
    void keepsPhiThatOnlyResemblesALookAlike(String text, String word) {
        assertThat(allowList.allows(text, over(text, word), allowList.protectedSpans(text)))
                .isFalse();
    }

    private static PhiEntity over(String text, String word) {
        int start = text.indexOf(word);
        return new PhiEntity(PhiType.NAME, "PATIENT", start, start + word.length(), 0.9, "test");
    }
}
