package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * The policy's deny list: terms that are always PHI here (a local clinic's name, a rare surname the model misses),
 * matched as whole words, case-insensitively, with score 1 and the subtype the policy gives them.
 */
final class DenyListRecognizer implements Recognizer {

    static final String NAME = "deny-list";

    private final List<Map.Entry<PhiKind, Pattern>> terms;

    /** @param terms subtype → terms of that subtype */
    DenyListRecognizer(Map<PhiKind, List<String>> terms) {
        List<Map.Entry<PhiKind, Pattern>> compiled = new ArrayList<>();
        terms.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<String> longestFirst = entry.getValue().stream()
                    .map(String::strip)
                    .filter(term -> !term.isEmpty())
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote)
                    .toList();
            if (!longestFirst.isEmpty()) {
                compiled.add(Map.entry(
                        entry.getKey(),
                        Pattern.compile(
                                "(?<![\\p{L}\\p{N}])(?:" + String.join("|", longestFirst) + ")(?![\\p{L}\\p{N}])",
                                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            }
        });
        this.terms = List.copyOf(compiled);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        for (Map.Entry<PhiKind, Pattern> term : terms) {
            Matcher m = term.getValue().matcher(text);
            while (m.find()) {
                found.add(term.getKey().entity(m.start(), m.end(), 1.0, NAME));
            }
        }
        return found;
    }
}
