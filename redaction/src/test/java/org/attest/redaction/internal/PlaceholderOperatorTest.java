package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;
import org.junit.jupiter.api.Test;

class PlaceholderOperatorTest {

    @Test
    void replacesEachEntityByItsSubtypeAndKeepsTheRest() {
        String text = "Call 555-234-5678 on 3/4/21.";
        List<PhiEntity> entities = List.of(
                new PhiEntity(PhiType.CONTACT, "PHONE", 5, 17, 0.7, "phone"),
                new PhiEntity(PhiType.DATE, "DATE", 21, 27, 0.85, "date"));

        assertThat(PlaceholderOperator.apply(text, entities)).isEqualTo("Call [PHONE] on [DATE].");
    }

    @Test
    void entitiesAtBothEndsAndSideBySide() {
        String text = "abcdef";
        List<PhiEntity> entities = List.of(
                new PhiEntity(PhiType.ID, "A", 0, 2, 1, "x"),
                new PhiEntity(PhiType.ID, "B", 2, 4, 1, "x"),
                new PhiEntity(PhiType.ID, "C", 4, 6, 1, "x"));

        assertThat(PlaceholderOperator.apply(text, entities)).isEqualTo("[A][B][C]");
    }

    @Test
    void noEntitiesLeavesTheTextAsItIs() {
        assertThat(PlaceholderOperator.apply("", List.of())).isEmpty();
        assertThat(PlaceholderOperator.apply("no PHI here", List.of())).isEqualTo("no PHI here");
    }

    @Test
    void refusesOverlappingOrOutOfRangeEntitiesWithoutQuotingTheText() {
        String text = "secret 123456";
        List<PhiEntity> overlapping = List.of(
                new PhiEntity(PhiType.ID, "MRN", 7, 13, 1, "x"), new PhiEntity(PhiType.ID, "MRN", 8, 10, 1, "x"));
        List<PhiEntity> tooLong = List.of(new PhiEntity(PhiType.ID, "MRN", 7, 14, 1, "x"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlaceholderOperator.apply(text, overlapping))
                .withMessageNotContaining("123456")
                .withMessageNotContaining("secret");
        assertThatIllegalArgumentException().isThrownBy(() -> PlaceholderOperator.apply(text, tooLong));
    }
}
