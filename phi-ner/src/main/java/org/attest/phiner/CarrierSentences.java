package org.attest.phiner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PHI-free clinical sentences from a development corpus (MTS-Dialog's note sections and dialogue turns): real
 * clinical language the model must leave alone. The corpora's own names are fictional but still names, so a sentence
 * with a courtesy title or with a capitalised word inside it (other than "I" and all-capital abbreviations) is left
 * out: what remains has no name in it.
 */
public final class CarrierSentences {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+|\\n+");
    private static final Pattern SPEAKER = Pattern.compile("^(?:Doctor|Patient|Guest_family|Guest_clinician)\\s*:\\s*");
    private static final Pattern TITLE = Pattern.compile("\\b(?:Dr|Mr|Mrs|Ms|Miss|Doctor|Mister)\\b\\.?");
    private static final Pattern INNER_CAPITAL = Pattern.compile("(?<=\\s)(?!I\\b|I'|[A-Z]{2,}\\b)\\p{Lu}");

    private CarrierSentences() {}

    /**
     * Reads one CSV column's sentences, in file order, without duplicates.
     *
     * @param csv the file; absent → no sentences
     * @param columns the columns to read
     * @param maxChars longer sentences are skipped
     */
    public static List<String> read(Path csv, List<String> columns, int maxChars) throws IOException {
        if (!Files.isRegularFile(csv)) {
            return List.of();
        }
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = rows.getFirst();
        Set<String> sentences = new LinkedHashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            for (String column : columns) {
                int index = header.indexOf(column);
                if (index >= 0 && index < row.size()) {
                    addSentences(row.get(index), maxChars, sentences);
                }
            }
        }
        return new ArrayList<>(sentences);
    }

    private static void addSentences(String text, int maxChars, Set<String> into) {
        for (String raw : SENTENCE_END.split(text)) {
            String sentence = SPEAKER.matcher(raw.strip()).replaceFirst("").strip();
            if (sentence.length() >= 12
                    && sentence.length() <= maxChars
                    && !TITLE.matcher(sentence).find()
                    && !INNER_CAPITAL.matcher(sentence).find()
                    && sentence.chars().allMatch(c -> c < 128)) {
                into.add(sentence);
            }
        }
    }
}
