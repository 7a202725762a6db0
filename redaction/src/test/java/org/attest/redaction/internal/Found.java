package org.attest.redaction.internal;

import java.util.Comparator;
import java.util.List;
import org.attest.redaction.PhiEntity;

/** Test views of what a recognizer found: the covered substrings, in text order. */
final class Found {

    private Found() {}

    static List<PhiEntity> entities(Recognizer recognizer, String text) {
        return recognizer.find(text).stream()
                .sorted(Comparator.comparingInt(PhiEntity::start))
                .toList();
    }

    static List<String> texts(Recognizer recognizer, String text) {
        return entities(recognizer, text).stream()
                .map(e -> text.substring(e.start(), e.end()))
                .toList();
    }
}
