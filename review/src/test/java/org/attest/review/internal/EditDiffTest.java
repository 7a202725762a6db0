package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edit distance and the line diff of a clinician's edit. */
class EditDiffTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({"'', '', 0", "abc, abc, 0", "'', abc, 3", "abc, '', 3", "kitten, sitting, 3", "flaw, lawn, 2"})
    void distanceIsLevenshtein(String from, String to, int expected) {
        assertThat(EditDiff.distance(from, to)).isEqualTo(expected);
        assertThat(EditDiff.distance(to, from)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a\\nb\\nc | a\\nc | '  a\\n- b\\n  c'",
                "a\\nc | a\\nb\\nc | '  a\\n+ b\\n  c'",
                "a | b | '- a\\n+ b'",
                "same | same | '  same'"
            })
    void linesMarkKeptRemovedAndAdded(String from, String to, String diff) {
        assertThat(EditDiff.lines(unescape(from), unescape(to))).isEqualTo(unescape(diff));
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
