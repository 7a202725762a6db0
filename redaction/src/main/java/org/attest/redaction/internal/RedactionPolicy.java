package org.attest.redaction.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A versioned set of recognizers, in the order they are listed and reported, with the settings that filter and
 * replace what they find. The version names the family and a revision, then what detects ({@code +phi-ner:2} or
 * {@code +regex-only}); settings that differ from their defaults are appended ({@code
 * safe-harbor/4+phi-ner:2;age-threshold=85;operators=3f2a1b0c}), lists and maps by the first 8 hex digits of the
 * SHA-256 of their sorted form.
 *
 * <p>Bump {@link #REVISION} whenever the same text could come out differently: a pattern, validator, context word,
 * allow-list entry, score, the overlap rule or an operator changed, or a recognizer was added or removed. Pure
 * refactorings keep the version.
 *
 * @param baseVersion the version without the detection part
 * @param recognizers the regular-expression rules in force (the NER recognizer is added per request when ready)
 * @param ner the NER recognizer, or null when it is switched off
 * @param allowList the clinical look-alikes never redacted
 * @param settings the settings the policy was built from
 */
record RedactionPolicy(
        String baseVersion,
        List<Recognizer> recognizers,
        @Nullable NerRecognizer ner,
        ClinicalAllowList allowList,
        RedactionProperties settings) {

    static final String FAMILY = "safe-harbor";
    static final int REVISION = 4;
    static final String REGEX_ONLY = "regex-only";

    RedactionPolicy {
        recognizers = List.copyOf(recognizers);
    }

    /** The Safe Harbor policy under the given settings, with the NER recognizer when there is one. */
    static RedactionPolicy of(RedactionProperties settings, @Nullable NerRecognizer ner) {
        List<Recognizer> all = List.of(
                new DateRecognizer(settings.yearlessDates()),
                new PhoneRecognizer(),
                new EmailRecognizer(),
                new UrlRecognizer(),
                new IpAddressRecognizer(),
                new SsnRecognizer(),
                new CardNumberRecognizer(),
                new NpiRecognizer(),
                new DeaNumberRecognizer(),
                new VinRecognizer(),
                new RecordNumberRecognizer(),
                new LabelledIdRecognizer(),
                new TitledNameRecognizer(),
                new ProfessionContextRecognizer(),
                new OccupationRecognizer(),
                new StreetAddressRecognizer(),
                new ZipCodeRecognizer(),
                new FacilityRecognizer(),
                new AgeOver89Recognizer(settings.ageThreshold()),
                new DenyListRecognizer(settings.deny()));
        List<Recognizer> enabled = all.stream()
                .filter(r -> !settings.disabledRecognizers().contains(r.name()))
                .toList();
        boolean nerEnabled = settings.ner() && !settings.disabledRecognizers().contains(NerRecognizer.NAME);
        return new RedactionPolicy(
                baseVersion(settings),
                enabled,
                nerEnabled ? ner : null,
                new ClinicalAllowList(settings.allow()),
                settings);
    }

    /** The version a redaction reports, given whether the NER model took part in it. */
    String version(@Nullable String nerModel) {
        String[] parts = baseVersion.split(";", 2);
        String detection = nerModel == null ? REGEX_ONLY : nerModel;
        return parts[0] + "+" + detection + (parts.length > 1 ? ";" + parts[1] : "");
    }

    private static String baseVersion(RedactionProperties settings) {
        RedactionProperties defaults = RedactionProperties.defaults();
        List<String> parts = new ArrayList<>(List.of(FAMILY + "/" + REVISION));
        if (settings.ageThreshold() != defaults.ageThreshold()) {
            parts.add("age-threshold=" + settings.ageThreshold());
        }
        if (settings.yearlessDates() != defaults.yearlessDates()) {
            parts.add("yearless-dates=" + settings.yearlessDates().name().toLowerCase(Locale.ROOT));
        }
        addDigest(
                parts,
                "disabled",
                settings.disabledRecognizers().stream().sorted().toList());
        addDigest(parts, "thresholds", new TreeMap<>(settings.thresholds()));
        addDigest(parts, "allow", settings.allow().stream().sorted().toList());
        addDigest(parts, "deny", new TreeMap<>(settings.deny()));
        addDigest(parts, "operators", new TreeMap<>(settings.operators()));
        if (!settings.ner()) {
            parts.add("ner=off");
        }
        return String.join(";", parts);
    }

    private static void addDigest(List<String> parts, String key, Object sorted) {
        String canonical = sorted.toString();
        if (!canonical.equals("[]") && !canonical.equals("{}")) {
            byte[] hash = sha256(canonical.getBytes(StandardCharsets.UTF_8));
            parts.add(key + "=" + HexFormat.of().formatHex(hash, 0, 4));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
