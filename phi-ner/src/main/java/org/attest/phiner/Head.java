package org.attest.phiner;

/**
 * The token-classification head: {@code logits = relu(x W1 + b1) W2 + b2}, or {@code logits = x W1 + b1} when there
 * is no hidden layer. Row-major weights, {@code W1} of shape {@code [inputs, width1]}.
 *
 * @param inputs the encoder's hidden size
 * @param hidden the hidden layer's width, 0 for a linear head
 * @param labels the number of labels
 * @param w1 first weights
 * @param b1 first biases
 * @param w2 second weights (empty for a linear head)
 * @param b2 second biases (empty for a linear head)
 */
record Head(int inputs, int hidden, int labels, float[] w1, float[] b1, float[] w2, float[] b2) {

    int width1() {
        return hidden == 0 ? labels : hidden;
    }

    /** The logits of one feature vector into {@code out} (length {@code labels}); {@code scratch} holds the hidden layer. */
    void logits(float[] x, int offset, float[] scratch, float[] out) {
        int width = width1();
        float[] first = hidden == 0 ? out : scratch;
        for (int j = 0; j < width; j++) {
            first[j] = b1[j];
        }
        for (int d = 0; d < inputs; d++) {
            float value = x[offset + d];
            int row = d * width;
            for (int j = 0; j < width; j++) {
                first[j] += value * w1[row + j];
            }
        }
        if (hidden == 0) {
            return;
        }
        for (int l = 0; l < labels; l++) {
            out[l] = b2[l];
        }
        for (int h = 0; h < hidden; h++) {
            float value = Math.max(0f, scratch[h]);
            scratch[h] = value;
            if (value == 0f) {
                continue;
            }
            int row = h * labels;
            for (int l = 0; l < labels; l++) {
                out[l] += value * w2[row + l];
            }
        }
    }

    /** The same head with the O logit's bias lowered by {@code shift}: more recall, less precision. */
    Head withOutsideShift(float shift) {
        if (hidden == 0) {
            float[] b = b1.clone();
            b[0] -= shift;
            return new Head(inputs, hidden, labels, w1, b, w2, b2);
        }
        float[] b = b2.clone();
        b[0] -= shift;
        return new Head(inputs, hidden, labels, w1, b1, w2, b);
    }
}
