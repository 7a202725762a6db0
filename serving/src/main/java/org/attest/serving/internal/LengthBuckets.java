package org.attest.serving.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a batch of sequences into buckets that each run as one padded model call: sorted by length, a bucket grows
 * while its padded size stays within {@code maxPadding} times its real tokens and it holds at most {@code maxRows}
 * sequences. The sequences of concurrent requests differ in length, and on a CPU padding costs more than a bigger
 * batch gains.
 */
final class LengthBuckets {

    /** A bucket's padded tokens may be at most this multiple of its real tokens. */
    static final double MAX_PADDING = 1.25;

    private LengthBuckets() {}

    /**
     * The buckets, each an array of indices into {@code lengths}, shortest sequences first.
     *
     * @param lengths each sequence's tokens
     * @param maxRows the most sequences one bucket takes, at least 1
     */
    static List<int[]> plan(int[] lengths, int maxRows) {
        int[] order = IntStream.range(0, lengths.length)
                .boxed()
                .sorted(Comparator.comparingInt(i -> lengths[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        List<int[]> buckets = new ArrayList<>();
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            long real = lengths[order[start]];
            while (end < order.length && end - start < maxRows) {
                int length = lengths[order[end]];
                if ((long) (end - start + 1) * length > MAX_PADDING * (real + length)) {
                    break;
                }
                real += length;
                end++;
            }
            buckets.add(Arrays.copyOfRange(order, start, end));
            start = end;
        }
        return buckets;
    }
}
