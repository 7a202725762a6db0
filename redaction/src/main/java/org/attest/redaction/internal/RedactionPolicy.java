package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A versioned set of recognizers, in the order they are listed and reported. The version names the recognizer family
 * and a revision, e.g. {@code safe-harbor-regex/1}; settings that differ from their defaults are appended ({@code
 * safe-harbor-regex/1;age-threshold=85;yearless-dates=always}).
 *
 * <p>Bump {@link #REVISION} whenever the same text could come out differently: a pattern, validator, context word,
 * score, the overlap rule or a placeholder changed, or a recognizer was added or removed. Change {@link #FAMILY} when
 * the kind of detection changes (for instance when the NER model joins). Pure refactorings keep the version.
 *
 * @param version the policy version recorded with every redaction
 * @param recognizers the rules that find candidates
 */
record RedactionPolicy(String version, List<Recognizer> recognizers) {

    static final String FAMILY = "safe-harbor-regex";
    static final int REVISION = 1;

    RedactionPolicy {
        recognizers = List.copyOf(recognizers);
    }

    /** The Safe Harbor regular-expression policy under the given settings. */
    static RedactionPolicy safeHarborRegex(RedactionProperties settings) {
        List<Recognizer> recognizers = List.of(
                new DateRecognizer(settings.yearlessDates()),
                new PhoneRecognizer(),
                new EmailRecognizer(),
                new UrlRecognizer(),
                new IpAddressRecognizer(),
                new SsnRecognizer(),
                new RecordNumberRecognizer(),
                new TitledNameRecognizer(),
                new AgeOver89Recognizer(settings.ageThreshold()));
        return new RedactionPolicy(version(settings), recognizers);
    }

    private static String version(RedactionProperties settings) {
        RedactionProperties defaults = RedactionProperties.defaults();
        List<String> parts = new ArrayList<>(List.of(FAMILY + "/" + REVISION));
        if (settings.ageThreshold() != defaults.ageThreshold()) {
            parts.add("age-threshold=" + settings.ageThreshold());
        }
        if (settings.yearlessDates() != defaults.yearlessDates()) {
            parts.add("yearless-dates=" + settings.yearlessDates().name().toLowerCase(Locale.ROOT));
        }
        return String.join(";", parts);
    }
}
