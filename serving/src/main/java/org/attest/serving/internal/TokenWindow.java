package org.attest.serving.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of one text's tokens that fits the model, {@code [from, to)}, of which the tokens {@code [keepFrom,
 * keepTo)} are taken from this window: with overlapping windows each token is read in the window where it has the
 * most context on both sides, so no entity is cut at a window edge.
 *
 * @param text index of the text in the batch
 * @param from first token of the window
 * @param to end of the window (exclusive)
 * @param keepFrom first token whose prediction this window provides
 * @param keepTo end of the tokens this window provides (exclusive)
 */
record TokenWindow(int text, int from, int to, int keepFrom, int keepTo) {

    /**
     * Splits {@code tokens} tokens into windows of at most {@code size} tokens that overlap by {@code overlap}.
     *
     * @param size content tokens per window (special tokens excluded), at least 1
     * @param overlap tokens shared by neighbouring windows, less than {@code size}
     */
    static List<TokenWindow> plan(int text, int tokens, int size, int overlap) {
        if (size < 1 || overlap < 0 || overlap >= size) {
            throw new IllegalArgumentException("need size >= 1 and 0 <= overlap < size");
        }
        List<TokenWindow> windows = new ArrayList<>();
        if (tokens <= size) {
            windows.add(new TokenWindow(text, 0, tokens, 0, tokens));
            return windows;
        }
        int stride = size - overlap;
        int from = 0;
        while (true) {
            int to = Math.min(from + size, tokens);
            boolean first = from == 0;
            boolean last = to == tokens;
            int keepFrom = first ? 0 : from + overlap / 2;
            int keepTo = last ? tokens : to - (overlap - overlap / 2);
            windows.add(new TokenWindow(text, from, to, keepFrom, keepTo));
            if (last) {
                return windows;
            }
            from = Math.min(from + stride, tokens - size);
        }
    }

    int length() {
        return to - from;
    }
}
