package org.attest.redaction.internal;

import java.util.List;
import org.attest.redaction.PhiEntity;

/**
 * One named PHI detection rule. A recognizer looks at the whole text on its own and reports candidate entities;
 * candidates of different recognizers may overlap, the {@link OverlapResolver} settles that. A recognizer never
 * logs or keeps the text it reads.
 */
interface Recognizer {

    /** The stable name reported as {@link PhiEntity#detector()} for every entity this rule finds. */
    String name();

    /**
     * Finds candidates in a text.
     *
     * @param text the original text
     * @return candidates with offsets into {@code text}, in any order
     */
    List<PhiEntity> find(String text);

    /** Finds candidates in several texts; a model-backed recognizer makes one call for all of them. */
    default List<List<PhiEntity>> findAll(List<String> texts) {
        return texts.stream().map(this::find).toList();
    }
}
