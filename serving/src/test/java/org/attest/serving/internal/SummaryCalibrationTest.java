package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SummaryCalibrationTest {

    @Test
    void theShippedCalibrationHasEverySignalAndAUnitCentroidOfTheEncodersSize() {
        SummaryCalibration shipped = SummaryCalibration.shipped();

        assertThat(shipped.weights()).hasSize(ConfidenceSignals.NAMES.size());
        assertThat(shipped.centroid()).hasSize(384);
        assertThat(Vectors.dot(shipped.centroid(), shipped.centroid()))
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(shipped.distanceBound()).isBetween(0.0, 2.0);
        assertThat(java.util.Arrays.stream(shipped.scales()).min().orElseThrow())
                .isPositive();
    }

    @Test
    void formatAndParseRoundTripAndRefittingTheSameNumbersWritesTheSameFile() throws IOException {
        SummaryCalibration shipped = SummaryCalibration.shipped();

        SummaryCalibration again = SummaryCalibration.parse(shipped.format());

        assertThat(again.format()).isEqualTo(shipped.format());
        assertThat(again.budget(64)).isEqualTo(shipped.budget(64));
    }

    @Test
    void theBudgetGrowsWithTheInputWithinItsBounds() {
        SummaryCalibration shipped = SummaryCalibration.shipped();

        assertThat(shipped.budget(1)).isEqualTo(shipped.minWords());
        assertThat(shipped.budget(64)).isBetween(shipped.minWords(), 64);
        assertThat(shipped.budget(500)).isGreaterThan(shipped.budget(64));
        assertThat(shipped.budget(100_000)).isEqualTo(shipped.maxWords());
    }

    @Test
    void aFileMissingAKeyIsRefusedByName() {
        String withoutNegations =
                SummaryCalibration.shipped().format().replaceAll("(?m)^confidence\\.negations\\.mean=.*\\n", "");

        assertThatThrownBy(() -> SummaryCalibration.parse(withoutNegations))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("confidence.negations.mean");
    }
}
