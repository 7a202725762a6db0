package org.attest.serving.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The labels of a token-classification model, read from its Hugging Face {@code config.json} ({@code id2label}):
 * {@code O} and BIO/IOB2 tags such as {@code B-PATIENT}, {@code I-PATIENT}. Label {@code i} belongs to logit {@code
 * i}. JSON is read with the YAML parser (JSON is YAML), so no second parser is needed.
 *
 * @param names the label of each logit index
 */
record TokenLabels(List<String> names) {

    TokenLabels {
        names = List.copyOf(names);
    }

    /**
     * @throws ModelLoadException when {@code id2label} is missing or its ids are not exactly {@code 0..n-1}
     */
    static TokenLabels fromConfig(byte[] configJson) throws ModelLoadException {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(new ByteArrayInputStream(configJson));
        } catch (YAMLException e) {
            throw new ModelLoadException("config.json is not valid JSON", e);
        }
        if (!(root instanceof Map<?, ?> config) || !(config.get("id2label") instanceof Map<?, ?> id2label)) {
            throw new ModelLoadException("config.json has no id2label mapping");
        }
        List<@Nullable String> names = new ArrayList<>();
        for (int i = 0; i < id2label.size(); i++) {
            names.add(null);
        }
        for (Map.Entry<?, ?> entry : id2label.entrySet()) {
            int id;
            try {
                id = Integer.parseInt(entry.getKey().toString());
            } catch (NumberFormatException e) {
                throw new ModelLoadException("config.json id2label has a non-numeric id", e);
            }
            if (id < 0 || id >= names.size() || entry.getValue() == null) {
                throw new ModelLoadException("config.json id2label ids must be 0.." + (names.size() - 1));
            }
            names.set(id, entry.getValue().toString());
        }
        List<String> complete = new ArrayList<>();
        for (String name : names) {
            if (name == null) {
                throw new ModelLoadException("config.json id2label has a gap");
            }
            complete.add(name);
        }
        return new TokenLabels(complete);
    }

    int size() {
        return names.size();
    }

    /** The entity type of a label without its prefix ({@code B-PATIENT} → {@code PATIENT}), or null for outside. */
    @Nullable
    String entity(int id) {
        String name = names.get(id);
        if (name.equals("O") || name.isEmpty()) {
            return null;
        }
        if (name.length() > 2 && name.charAt(1) == '-' && "BIESLU".indexOf(name.charAt(0)) >= 0) {
            return name.substring(2);
        }
        return name;
    }

    /** Whether a label opens a new entity even right after one of the same type ({@code B-}, {@code S-}, {@code U-}). */
    boolean begins(int id) {
        String name = names.get(id);
        return name.startsWith("B-") || name.startsWith("S-") || name.startsWith("U-");
    }
}
