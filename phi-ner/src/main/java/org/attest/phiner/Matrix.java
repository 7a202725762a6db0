package org.attest.phiner;

import java.util.Arrays;

/** A growing row-major matrix of token feature vectors with one label per row. */
final class Matrix {

    final int columns;
    float[] values = new float[0];
    int[] labels = new int[0];
    int rows;

    Matrix(int columns) {
        this.columns = columns;
    }

    void add(float[] vector, int label) {
        if ((rows + 1) * columns > values.length) {
            values = Arrays.copyOf(values, Math.max(columns * 1024, values.length * 2));
            labels = Arrays.copyOf(labels, Math.max(1024, labels.length * 2));
        }
        System.arraycopy(vector, 0, values, rows * columns, columns);
        labels[rows++] = label;
    }
}
