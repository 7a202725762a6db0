package org.attest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The full clinical notes of ACI-Bench ({@code ../shared/data/aci-bench/train.csv}, column {@code note}). */
final class AciBenchNotes {

    static final Path DEFAULT = Path.of("..", "shared", "data", "aci-bench", "train.csv");

    private AciBenchNotes() {}

    static List<String> read(Path csv) throws IOException {
        List<List<String>> rows = parse(Files.readString(csv, StandardCharsets.UTF_8));
        int note = rows.getFirst().indexOf("note");
        if (note < 0) {
            throw new IOException(csv + " has no 'note' column");
        }
        return rows.subList(1, rows.size()).stream()
                .filter(row -> row.size() > note && !row.get(note).isBlank())
                .map(row -> row.get(note))
                .toList();
    }

    /** RFC 4180: quoted fields may hold commas, line breaks and doubled quotes. */
    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
