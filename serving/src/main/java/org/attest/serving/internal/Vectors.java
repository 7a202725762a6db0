package org.attest.serving.internal;

import java.util.List;

/** Arithmetic on dense float vectors, as sentence embeddings need it. */
final class Vectors {

    private Vectors() {}

    /** The dot product; for unit vectors, their cosine similarity. */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** A copy scaled to unit length; a zero vector stays zero. */
    static float[] normalized(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        float[] unit = new float[vector.length];
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                unit[i] = (float) (vector[i] / norm);
            }
        }
        return unit;
    }

    /** The unit-length direction of the vectors' mean (their centroid). */
    static float[] centroid(List<float[]> vectors) {
        float[] sum = new float[vectors.getFirst().length];
        for (float[] vector : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += vector[i];
            }
        }
        return normalized(sum);
    }
}
