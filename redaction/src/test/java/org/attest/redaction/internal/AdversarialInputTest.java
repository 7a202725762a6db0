package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.attest.redaction.Redaction;
import org.attest.redaction.Redactor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs of the largest accepted size built to make a backtracking pattern explode. The time bound only guards
 * against a hang; nothing here measures speed.
 */
class AdversarialInputTest {

    private static final int SIZE = 20_000;

    private final Redactor redactor = new PolicyRedactor(RedactionProperties.defaults());

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("digits", repeat("1")),
                Arguments.of("digits and slashes", repeat("1/")),
                Arguments.of("two-digit slashes", repeat("12/")),
                Arguments.of("digits and dashes", repeat("1-")),
                Arguments.of("digits and dots", repeat("1.")),
                Arguments.of("spaced digits", repeat("1 ")),
                Arguments.of("plus and digits", repeat("+1 ")),
                Arguments.of("parentheses", repeat("(555) ")),
                Arguments.of("local parts without at", repeat("a.")),
                Arguments.of("at signs", repeat("a@")),
                Arguments.of("domain labels", "a@" + repeat("b.")),
                Arguments.of("url without end", "http://" + repeat("a")),
                Arguments.of("many url prefixes", repeat("www.")),
                Arguments.of("titles", repeat("Dr. ")),
                Arguments.of("title and capitals", "Dr. " + repeat("A ")),
                Arguments.of("apostrophes", "Mr. " + repeat("O'")),
                Arguments.of("record labels", repeat("MRN ")),
                Arguments.of("record label and hyphens", "MRN " + repeat("1-")),
                Arguments.of("age words", repeat("age ")),
                Arguments.of("month names", repeat("March ")),
                Arguments.of("date cues and fractions", repeat("on 3/4 ")),
                Arguments.of("whitespace", repeat(" \t")),
                Arguments.of("month then spaces", "March" + repeat(" ")),
                Arguments.of("title then spaces", "Dr." + repeat(" ")),
                Arguments.of("label then separators", "MRN" + repeat(":")),
                Arguments.of("profession contexts", repeat("works as a ")),
                Arguments.of("occupation label then spaces", "Occupation" + repeat(" ")),
                Arguments.of("emoji", repeat("😀1/")),
                Arguments.of("random digits and punctuation", random("0123456789/-.() +:#")),
                Arguments.of("random everything", random("0123456789/-.() +:#@aADrMs'yo")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void finishesOnTheLargestInput(String name, String text) {
        assertThat(text).hasSizeGreaterThanOrEqualTo(SIZE);

        Redaction redaction = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> redactor.redact(text));

        for (int i = 1; i < redaction.entities().size(); i++) {
            assertThat(redaction.entities().get(i).start())
                    .isGreaterThanOrEqualTo(redaction.entities().get(i - 1).end());
        }
    }

    private static String repeat(String unit) {
        return unit.repeat(SIZE / unit.length() + 1);
    }

    private static String random(String alphabet) {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(SIZE);
        for (int i = 0; i < SIZE; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
