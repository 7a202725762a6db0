package org.attest.serving.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A request's items split between two instances: every other item each, so that when the items are sorted by length
 * both halves cost about the same; the results are put back in the items' order.
 */
final class AlternateHalves {

    private AlternateHalves() {}

    /** Items 0, 2, 4, … */
    static <T> List<T> first(List<T> items) {
        return every(items, 0);
    }

    /** Items 1, 3, 5, … */
    static <T> List<T> second(List<T> items) {
        return every(items, 1);
    }

    /** The results of {@link #first} and {@link #second}, in the original items' order. */
    static <T> List<T> rejoined(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first.size() + second.size());
        for (int i = 0; i < first.size(); i++) {
            all.add(first.get(i));
            if (i < second.size()) {
                all.add(second.get(i));
            }
        }
        return all;
    }

    private static <T> List<T> every(List<T> items, int from) {
        List<T> half = new ArrayList<>((items.size() + 1) / 2);
        for (int i = from; i < items.size(); i += 2) {
            half.add(items.get(i));
        }
        return half;
    }
}
