package org.attest.redaction.internal;

import java.util.List;
import java.util.Map;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;

/**
 * Applies the policy's operator of each entity's category to one text: {@link OperatorKind#REPLACE} ({@code [DATE]}),
 * {@link OperatorKind#MASK} ({@code ****}) or {@link OperatorKind#PSEUDONYM} ({@code [NAME-1]}). The text between
 * entities is copied unchanged.
 */
final class EntityOperators {

    private EntityOperators() {}

    /**
     * @param entities entities of {@code text}, sorted by start and non-overlapping
     * @param operators the operator per category; a category without one is replaced
     * @param pseudonyms the request's numbering, shared by all the texts of one request
     */
    static String apply(
            String text, List<PhiEntity> entities, Map<PhiType, OperatorKind> operators, Pseudonyms pseudonyms) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (PhiEntity entity : entities) {
            if (entity.start() < copied || entity.end() > text.length()) {
                throw new IllegalArgumentException("entity [" + entity.start() + "," + entity.end()
                        + ") is out of order, overlaps or exceeds the text length " + text.length());
            }
            out.append(text, copied, entity.start());
            switch (operators.getOrDefault(entity.type(), OperatorKind.REPLACE)) {
                case REPLACE -> out.append(PlaceholderOperator.placeholder(entity));
                case MASK -> out.append("*".repeat(text.codePointCount(entity.start(), entity.end())));
                case PSEUDONYM -> out.append(pseudonyms.surrogate(text, entity));
            }
            copied = entity.end();
        }
        return out.append(text, copied, text.length()).toString();
    }
}
