package org.attest.phiner;

import java.util.ArrayList;
import java.util.List;

/** The phi-ner label set: {@code O}, then {@code B-} and {@code I-} of each entity type, in this order. */
public final class Labels {

    /** The entity types the model tags; the regular expressions of the redaction module cover the rest. */
    public static final List<String> TYPES =
            List.of("PATIENT", "DOCTOR", "HOSPITAL", "ORGANIZATION", "STREET", "CITY", "STATE", "PROFESSION");

    /** Every label, index = logit. */
    public static final List<String> ALL = all();

    private Labels() {}

    private static List<String> all() {
        List<String> labels = new ArrayList<>(List.of("O"));
        for (String type : TYPES) {
            labels.add("B-" + type);
            labels.add("I-" + type);
        }
        return List.copyOf(labels);
    }

    static int begin(String type) {
        return 1 + 2 * TYPES.indexOf(type);
    }

    static int inside(String type) {
        return begin(type) + 1;
    }
}
