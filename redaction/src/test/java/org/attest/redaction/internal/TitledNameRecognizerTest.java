package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.redaction.PhiType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class TitledNameRecognizerTest {

    private final TitledNameRecognizer names = new TitledNameRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            seen by Dr. Alice Nguyen today        | Alice Nguyen          | DOCTOR
            Mr. O'Brien reports                   | O'Brien               | PERSON
            Mrs. Smith-Jones was                  | Smith-Jones           | PERSON
            Ms Lee called                         | Lee                   | PERSON
            Miss Daisy Duke                       | Daisy Duke            | PERSON
            Mx. Taylor                            | Taylor                | PERSON
            Doctor Strange agreed                 | Strange               | DOCTOR
            DR. SMITH                             | SMITH                 | DOCTOR
            Dr.Smith                              | Smith                 | DOCTOR
            per Dr. J. Smith                      | J. Smith              | DOCTOR
            Dr. van der Berg                      | van der Berg          | DOCTOR
            Dr. Smith MD                          | Smith                 | DOCTOR
            Dr. Smith's note                      | Smith                 | DOCTOR
            Dr. Émile Durand                      | Émile Durand          | DOCTOR
            Dr. Mary Ann Smith Jones              | Mary Ann Smith        | DOCTOR
            Dr. Smith on Monday                   | Smith                 | DOCTOR
            Dr. Smith Monday                      | Smith                 | DOCTOR
            Mr. McDonald.                         | McDonald              | PERSON
            """)
    void redactsTheNameNotTheTitle(String text, String name, String subtype) {
        assertThat(Found.texts(names, text)).containsExactly(name);
        assertThat(names.find(text).getFirst().subtype()).isEqualTo(subtype);
        assertThat(names.find(text).getFirst().type()).isEqualTo(PhiType.NAME);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Seen by dr. smith at Mercy Hospital",
                "Dr. the",
                "Dr. The",
                "Mr. and Mrs.",
                "MS Relapsing",
                "DR Smith",
                "Dr\nSmith",
                "Drs. Smith",
                "Dr. MD",
                "Dr. la",
                "Mrx Smith"
            })
    void needsATitleAndACapitalisedName(String text) {
        assertThat(names.find(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            dr. többen reviewed the mri                  | többen   | DOCTOR
            seen by dr.smith today                       | smith    | DOCTOR
            (mrn 123) is a jeweler - dr. mertz agreed    | mertz    | DOCTOR
            ms. o'hara called back                       | o'hara   | PERSON
            """)
    void inANoteTypedInLowerCaseATitledWordIsAName(String text, String name, String subtype) {
        assertThat(Found.texts(names, text)).containsExactly(name);
        assertThat(names.find(text).getFirst().subtype()).isEqualTo(subtype);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dr. the", "mr. and mrs. jones", "Dr. Smith saw dr. who", "per Mercy: dr. smith"})
    void aLowerCaseTitledWordNeedsALowerCaseSentenceAndNoFunctionWord(String text) {
        assertThat(Found.texts(names, text)).doesNotContain("the", "and", "who", "smith");
    }

    @ParameterizedTest
    @FieldSource("org.attest.redaction.internal.ClinicalLookAlikes#ALL")
    void leavesClinicalLookAlikesAlone(String text) {
        assertThat(names.find(text)).isEmpty();
    }
}
