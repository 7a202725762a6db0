package org.attest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attest.phiner.Csv;

/** The full clinical notes of ACI-Bench ({@code ../shared/data/aci-bench/train.csv}, column {@code note}). */
final class AciBenchNotes {

    static final Path DEFAULT = Path.of("..", "shared", "data", "aci-bench", "train.csv");

    private AciBenchNotes() {}

    static List<String> read(Path csv) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        int note = rows.getFirst().indexOf("note");
        if (note < 0) {
            throw new IOException(csv + " has no 'note' column");
        }
        return rows.subList(1, rows.size()).stream()
                .filter(row -> row.size() > note && !row.get(note).isBlank())
                .map(row -> row.get(note))
                .toList();
    }
}
