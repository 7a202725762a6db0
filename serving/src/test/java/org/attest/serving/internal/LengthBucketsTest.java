package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Length buckets: every sequence once, padding and rows bounded, shortest first. */
class LengthBucketsTest {

    @Test
    void similarLengthsShareABucketAndOutliersRunAlone() {
        List<int[]> buckets = LengthBuckets.plan(new int[] {12, 200, 10, 11, 13}, 32);

        assertThat(buckets).hasSize(2);
        assertThat(buckets.get(0)).containsExactly(2, 3, 0, 4);
        assertThat(buckets.get(1)).containsExactly(1);
    }

    @Test
    void aBucketHoldsAtMostMaxRows() {
        int[] lengths = new int[10];
        Arrays.fill(lengths, 7);

        assertThat(LengthBuckets.plan(lengths, 4)).extracting(b -> b.length).containsExactly(4, 4, 2);
    }

    @RepeatedTest(50)
    void everySequenceIsInExactlyOneBucketWithinThePaddingBound(RepetitionInfo repetition) {
        Random random = new Random(20_261_203L + repetition.getCurrentRepetition());
        int[] lengths = IntStream.range(0, 1 + random.nextInt(80))
                .map(i -> 1 + random.nextInt(1 + random.nextInt(256)))
                .toArray();
        int maxRows = 1 + random.nextInt(32);

        List<int[]> buckets = LengthBuckets.plan(lengths, maxRows);

        assertThat(buckets.stream().flatMapToInt(Arrays::stream).sorted().toArray())
                .containsExactly(IntStream.range(0, lengths.length).toArray());
        int previousLongest = 0;
        for (int[] bucket : buckets) {
            int longest = Arrays.stream(bucket).map(i -> lengths[i]).max().orElseThrow();
            long real = Arrays.stream(bucket).mapToLong(i -> lengths[i]).sum();
            assertThat(bucket.length).isBetween(1, maxRows);
            assertThat((double) bucket.length * longest).isLessThanOrEqualTo(LengthBuckets.MAX_PADDING * real + 1e-9);
            assertThat(Arrays.stream(bucket).map(i -> lengths[i]).min().orElseThrow())
                    .isGreaterThanOrEqualTo(previousLongest);
            previousLongest = longest;
        }
    }
}
