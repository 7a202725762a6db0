package org.attest.phiner;

import java.util.Random;

/**
 * Trains the {@link Head} on frozen token features with mini-batch Adam and softmax cross-entropy; entity tokens
 * weigh more than {@code O} tokens (recall first). Features are standardised while training and the standardisation
 * is folded into the first layer afterwards, so the exported head reads raw {@code last_hidden_state}. Deterministic
 * for a seed (one thread, fixed order of operations).
 */
final class HeadTrainer {

    private static final float LEARNING_RATE = 0.002f;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final float L2 = 1e-5f;
    private static final int BATCH = 128;

    private final int hidden;
    private final int epochs;
    private final float entityWeight;
    private final Random random;

    HeadTrainer(int hidden, int epochs, float entityWeight, Random random) {
        this.hidden = hidden;
        this.epochs = epochs;
        this.entityWeight = entityWeight;
        this.random = random;
    }

    Head train(Matrix data, int labels) {
        int d = data.columns;
        float[] mean = new float[d];
        float[] scale = new float[d];
        standardisation(data, mean, scale);
        Matrix standard = standardised(data, mean, scale);
        int width = hidden == 0 ? labels : hidden;
        Params p = new Params(d * width, width, hidden * labels, hidden == 0 ? 0 : labels);
        float init = (float) Math.sqrt(2.0 / d);
        for (int i = 0; i < p.w1.length; i++) {
            p.w1[i] = (float) random.nextGaussian() * init * (hidden == 0 ? 0.1f : 1f);
        }
        float init2 = hidden == 0 ? 0 : (float) Math.sqrt(2.0 / hidden);
        for (int i = 0; i < p.w2.length; i++) {
            p.w2[i] = (float) random.nextGaussian() * init2;
        }
        int[] order = new int[standard.rows];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Backprop step = new Backprop(d, hidden, labels, entityWeight);
        int t = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order);
            for (int start = 0; start < order.length; start += BATCH) {
                int end = Math.min(start + BATCH, order.length);
                Params grad = step.gradients(standard, order, start, end, p);
                p.adam(grad, ++t, LEARNING_RATE, BETA1, BETA2, EPSILON, L2);
            }
        }
        return fold(p, mean, scale, d, labels);
    }

    private Head fold(Params p, float[] mean, float[] scale, int d, int labels) {
        int width = hidden == 0 ? labels : hidden;
        float[] w1 = new float[d * width];
        float[] b1 = p.b1.clone();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < width; j++) {
                w1[i * width + j] = p.w1[i * width + j] / scale[i];
                b1[j] -= mean[i] / scale[i] * p.w1[i * width + j];
            }
        }
        return new Head(d, hidden, labels, w1, b1, p.w2, p.b2);
    }

    private static void standardisation(Matrix data, float[] mean, float[] scale) {
        int d = data.columns;
        double[] sum = new double[d];
        double[] squares = new double[d];
        for (int r = 0; r < data.rows; r++) {
            for (int c = 0; c < d; c++) {
                double v = data.values[r * d + c];
                sum[c] += v;
                squares[c] += v * v;
            }
        }
        for (int c = 0; c < d; c++) {
            double m = sum[c] / data.rows;
            mean[c] = (float) m;
            scale[c] = (float) Math.sqrt(Math.max(squares[c] / data.rows - m * m, 1e-6));
        }
    }

    private static Matrix standardised(Matrix data, float[] mean, float[] scale) {
        Matrix out = new Matrix(data.columns);
        float[] row = new float[data.columns];
        for (int r = 0; r < data.rows; r++) {
            for (int c = 0; c < data.columns; c++) {
                row[c] = (data.values[r * data.columns + c] - mean[c]) / scale[c];
            }
            out.add(row, data.labels[r]);
        }
        return out;
    }

    private void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
