package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateRecognizerTest {

    private final DateRecognizer dates = new DateRecognizer(YearlessDatePolicy.CONTEXT);

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Seen 3/4/21 in clinic                  | 3/4/21
            DOB 03/04/2021.                        | 03/04/2021
            labs drawn 03-04-2021                  | 03-04-2021
            labs drawn 03.04.2021                  | 03.04.2021
            European 13/04/2021                    | 13/04/2021
            on 2021-03-04 at noon                  | 2021-03-04
            stamp 2021-03-04T10:15                 | 2021-03-04
            admitted March 4, 2021 for pneumonia   | March 4, 2021
            admitted MARCH 4, 2021                 | MARCH 4, 2021
            symptoms since March 4th               | March 4th
            seen Mar 4 by cardiology               | Mar 4
            seen Mar. 4, 2021                      | Mar. 4, 2021
            seen Sept 14                           | Sept 14
            seen Mar 4 '21                         | Mar 4 '21
            away March 4-6, 2021                   | March 4-6, 2021
            surgery on 4 March 2021                | 4 March 2021
            drawn 04-Mar-2021                      | 04-Mar-2021
            drawn 04-MAR-2021                      | 04-MAR-2021
            drawn 4/Jan/21                         | 4/Jan/21
            fell on the 4th of March               | 4th of March
            the 4th of March 1.5 cm seen           | 4th of March
            moved in March 2021                    | March 2021
            seen on 3/4 for follow-up              | 3/4
            DOB: 3/4                               | 3/4
            admitted 12/25                         | 12/25
            since 3/4.                             | 3/4
            seen on 3/12 strength 5/5              | 3/12
            seen on 3/12 reflexes 2+/4             | 3/12
            seen on 3/12 G3P2                      | 3/12
            seen on 3/12 x-ray clear               | 3/12
            on 15 May                              | 15 May
            on 15th May                            | 15th May
            15th May                               | 15th May
            the 15th of May                        | 15th of May
            15 May 2021                            | 15 May 2021
            planned on 15-dec-2018 with dr. wolf   | 15-dec-2018
            confused since 01-mar-2016.            | 01-mar-2016
            rescheduled to may 13th.               | may 13th
            labs dated 07-feb-05                   | 07-feb-05
            """)
    void findsDatesAsCliniciansWriteThem(String text, String date) {
        assertThat(Found.texts(dates, text)).containsExactly(date);
    }

    @Test
    void yearlessDatesContinueARangeOrList() {
        assertThat(Found.texts(dates, "from 3/2/21 to 3/4")).containsExactly("3/2/21", "3/4");
        assertThat(Found.texts(dates, "seen on 3/4, 3/6 and 3/9")).containsExactly("3/4", "3/6", "3/9");
        assertThat(Found.texts(dates, "took 1/2 and 3/4")).isEmpty();
        assertThat(Found.texts(dates, "away 3/4/21-3/6/21")).containsExactly("3/4/21", "3/6/21");
        assertThat(Found.texts(dates, "away on 3/4-3/6")).containsExactly("3/4", "3/6");
        assertThat(Found.texts(dates, "take 1-1/2 tab")).isEmpty();
        assertThat(Found.texts(dates, "since Mar 4, 5/5 strength")).containsExactly("Mar 4");
        assertThat(Found.texts(dates, "on 3/4 and 3/5 tab")).containsExactly("3/4");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13/13/2021",
                "02/32/2021",
                "00/10/2021",
                "2021-13-01",
                "2021-01-32",
                "March 32",
                "March 1.5 cm",
                "1.2.21",
                "3/4/2021/5",
                "12/10/3021",
                "on 3/4 tablet",
                "on 3/4 tabs",
                "on 3/4 mg",
                "GCS 15 May we proceed",
                "15 May",
                "on 1/2 of a tab",
                "may 5 patients",
                "may 2 doses",
                "Positive piano key test of the 1st and 2nd metatarsals.",
                "separation of the 1st and 2nd metatarsal bases",
                "pain since the 4th, 5th and 6th ribs were fractured",
                "mar 4 reviewed",
                "Marching 4 times",
                "on 13/13",
                "on 3/4/",
                "01234/5/2021",
                "03-04-2021-5",
                "1-03-04-2021",
                "1.03.04.2021"
            })
    void rejectsInvalidOrAmbiguousNumbers(String text) {
        assertThat(dates.find(text)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("org.attest.redaction.internal.ClinicalLookAlikes#ALL")
    void leavesClinicalLookAlikesAlone(String text) {
        assertThat(dates.find(text)).isEmpty();
    }

    @Test
    void alwaysPolicyRedactsEveryValidYearlessDate() {
        DateRecognizer always = new DateRecognizer(YearlessDatePolicy.ALWAYS);

        assertThat(Found.texts(always, "take 3/4 tablet")).containsExactly("3/4");
        assertThat(Found.texts(always, "20/20 vision")).isEmpty();
    }

    @Test
    void dateWordsRaiseTheScore() {
        PhiEntity plain = dates.find("noted 03/04/2021").getFirst();
        PhiEntity cued = dates.find("DOB 03/04/2021").getFirst();
        PhiEntity yearless = dates.find("on 3/4").getFirst();

        assertThat(plain.score()).isEqualTo(0.85);
        assertThat(cued.score()).isEqualTo(1.0);
        assertThat(yearless.score()).isEqualTo(0.6);
        assertThat(cued.type()).isEqualTo(PhiType.DATE);
        assertThat(cued.subtype()).isEqualTo("DATE");
        assertThat(cued.detector()).isEqualTo("date");
    }

    @Test
    void overlappingFormsYieldOneDate() {
        assertThat(Found.texts(dates, "on 4 March 2021 and March 2021")).containsExactly("4 March 2021", "March 2021");
    }
}
