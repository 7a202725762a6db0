package org.attest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.attest.phiner.Csv;

/**
 * The development corpora in {@code ../shared/data/} (never copied into the project): MTS-Dialog (dialogue → one
 * note section) split into train and dev with a fixed seed, and ACI-Bench (dialogue → full note) kept whole as a
 * second, out-of-split check.
 */
final class DevelopmentData {

    /** Fixed so that the split, and every number fitted on it, is the same on every machine. */
    static final long SPLIT_SEED = 20_260_301L;

    /** The share of MTS-Dialog held out for dev. */
    static final double DEV_SHARE = 0.2;

    /**
     * One pair.
     *
     * @param id the corpus's id
     * @param section the reference's section header (MTS) or {@code NOTE} (ACI)
     * @param input the dialogue
     * @param reference the clinician-written text it should be summarized to
     */
    record Example(String id, String section, String input, String reference) {}

    /** Train and dev parts of MTS-Dialog, and ACI-Bench. */
    record Splits(List<Example> train, List<Example> dev, List<Example> aci) {}

    private DevelopmentData() {}

    /** Reads both corpora from a data folder ({@code ../shared/data} by default). */
    static Splits load(Path data) throws IOException {
        List<Example> mts = new ArrayList<>();
        for (Map<String, String> row : Csv.read(data.resolve("mts-dialog/MTS-Dialog-TrainingSet.csv"))) {
            mts.add(new Example(
                    row.get("ID"), row.get("section_header"), row.get("dialogue"), row.get("section_text")));
        }
        List<Example> aci = new ArrayList<>();
        Path aciFile = data.resolve("aci-bench/train.csv");
        if (Files.exists(aciFile)) {
            for (Map<String, String> row : Csv.read(aciFile)) {
                aci.add(new Example(row.get("encounter_id"), "NOTE", row.get("dialogue"), row.get("note")));
            }
        }
        List<Example> shuffled = new ArrayList<>(mts);
        Collections.shuffle(shuffled, new Random(SPLIT_SEED));
        int dev = (int) Math.round(shuffled.size() * DEV_SHARE);
        return new Splits(
                List.copyOf(shuffled.subList(dev, shuffled.size())), List.copyOf(shuffled.subList(0, dev)), aci);
    }
}
