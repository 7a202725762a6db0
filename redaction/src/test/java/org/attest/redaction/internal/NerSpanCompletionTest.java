package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.attest.serving.EntitySpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Completion of the model's spans, on spans written by hand: {@code [LABEL:words]} marks what the model found, the
 * expected text what the completed spans cover.
 */
class NerSpanCompletionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Labs from [ORGANIZATION:Grant], [PATIENT:Miller] and [ORGANIZATION:Reynolds] dated May 2003.   | ORGANIZATION=Grant, Miller and Reynolds
            a truck for [ORGANIZATION:Schuster], Rink und [PATIENT:Schröder] and is away                  | ORGANIZATION=Schuster, Rink und Schröder
            drives for [ORGANIZATION:Brenters] CV and is away                                            | ORGANIZATION=Brenters CV
            drives for [PATIENT:Brenters] Inc. and is away                                               | ORGANIZATION=Brenters Inc.
            nurse from [PATIENT:Ferri] e figli will see him                                              | ORGANIZATION=Ferri e figli
            labs from [ORGANIZATION:godoy s].a. dated                                                    | ORGANIZATION=godoy s.a.
            sent to [ORGANIZATION:jacobi health] system and to dr. herman                                | ORGANIZATION=jacobi health system
            surgery at [HOSPITAL:Mercy General] Hospital tomorrow                                        | HOSPITAL=Mercy General Hospital
            see him at 7125 [PATIENT:Emanuel] [STREET:Crest] twice                                       | STREET=7125 Emanuel Crest
            Home address: [STREET:Piazza Miriana] 5, Piano 7, Roma                                       | STREET=Piazza Miriana 5, Piano 7
            see him at [STREET:Rilkestr.] 95a. He was                                                    | STREET=Rilkestr. 95a
            address: [STREET:Ramal Magdalena] s/n, Puerta                                                | STREET=Ramal Magdalena s/n
            The dock [PROFESSION:worker] noted tingling                                                  | PROFESSION=dock worker
            she was a retired park [PROFESSION:ranger] for years                                         | PROFESSION=park ranger
            the [PROFESSION:court] reporter noted tingling                                               | PROFESSION=court reporter
            relocated from [CITY:Ileana nell]'emilia to Rome                                             | CITY=Ileana nell'emilia
            by [DOCTOR:O]'Carroll from the stroke team                                                   | DOCTOR=O'Carroll
            """)
    void growsTheSpanToTheWholeName(String marked, String expected) {
        assertThat(completed(marked)).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            evaluated by [DOCTOR:Kathleen Emard] and [DOCTOR:O'Carroll] today       | DOCTOR=Kathleen Emard;DOCTOR=O'Carroll
            lives with [PATIENT:John] and sons in Ohio                              | PATIENT=John
            seen by [DOCTOR:Patel] CV surgery today                                 | DOCTOR=Patel
            [PATIENT:Jones] AS, moderate, on echo                                   | PATIENT=Jones
            [PATIENT:Smith]'s wife called                                           | PATIENT=Smith
            drives for [ORGANIZATION:Acme] as a courier                             | ORGANIZATION=Acme
            a [PROFESSION:teacher] for 12 years                                     | PROFESSION=teacher
            lives at [STREET:Elm Street], 12 miles away                             | STREET=Elm Street
            the retired [PROFESSION:welder] noted                                   | PROFESSION=welder
            [CITY:Boston] [PATIENT:John] said                                       | CITY=Boston;PATIENT=John
            """)
    void leavesWhatIsNotPartOfTheNameOut(String marked, String expected) {
        assertThat(completed(marked)).containsExactly(expected.split(";"));
    }

    @Test
    void aSpanGrownOverItsNeighbourTakesItIn() {
        // "O" grows over "'Carroll", the model's second span; the completed spans never overlap
        assertThat(completed("seen by [DOCTOR:O]'[PATIENT:Carroll] today")).containsExactly("DOCTOR=O'Carroll");
        assertThat(completed("[PATIENT:Jean]-[DOCTOR:Luc] [PATIENT:Picard]"))
                .containsExactly("PATIENT=Jean-Luc", "PATIENT=Picard");
    }

    /** The texts the completed spans cover, as {@code LABEL=text}, for a text marked up as above. */
    private static List<String> completed(String marked) {
        StringBuilder text = new StringBuilder();
        List<EntitySpan> spans = new ArrayList<>();
        int i = 0;
        while (i < marked.length()) {
            char c = marked.charAt(i);
            if (c == '[') {
                int colon = marked.indexOf(':', i);
                int close = marked.indexOf(']', colon);
                String label = marked.substring(i + 1, colon);
                int start = text.length();
                text.append(marked, colon + 1, close);
                spans.add(new EntitySpan(label, start, text.length(), 0.9));
                i = close + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        String plain = text.toString();
        return NerSpanCompletion.completed(plain, spans).stream()
                .map(s -> s.label() + "=" + plain.substring(s.start(), s.end()))
                .toList();
    }
}
