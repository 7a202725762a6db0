package org.attest.phiner;

/** Gradients of the weighted softmax cross-entropy of a {@link Head} over one mini-batch. */
final class Backprop {

    private final int d;
    private final int hidden;
    private final int labels;
    private final float entityWeight;

    Backprop(int d, int hidden, int labels, float entityWeight) {
        this.d = d;
        this.hidden = hidden;
        this.labels = labels;
        this.entityWeight = entityWeight;
    }

    Params gradients(Matrix data, int[] order, int from, int to, Params p) {
        int width = hidden == 0 ? labels : hidden;
        Params grad = new Params(p.w1.length, p.b1.length, p.w2.length, p.b2.length);
        Head head = new Head(d, hidden, labels, p.w1, p.b1, p.w2, p.b2);
        float[] h = new float[Math.max(hidden, 1)];
        float[] logits = new float[labels];
        float[] delta = new float[labels];
        float[] deltaHidden = new float[Math.max(hidden, 1)];
        float norm = 1f / (to - from);
        for (int i = from; i < to; i++) {
            int row = order[i];
            int offset = row * d;
            head.logits(data.values, offset, h, logits);
            int gold = data.labels[row];
            float weight = (gold == 0 ? 1f : entityWeight) * norm;
            softmaxDelta(logits, gold, weight, delta);
            float[] firstDelta = delta;
            if (hidden > 0) {
                for (int k = 0; k < hidden; k++) {
                    float sum = 0;
                    for (int l = 0; l < labels; l++) {
                        grad.w2[k * labels + l] += h[k] * delta[l];
                        sum += p.w2[k * labels + l] * delta[l];
                    }
                    deltaHidden[k] = h[k] > 0 ? sum : 0;
                }
                for (int l = 0; l < labels; l++) {
                    grad.b2[l] += delta[l];
                }
                firstDelta = deltaHidden;
            }
            for (int j = 0; j < width; j++) {
                grad.b1[j] += firstDelta[j];
            }
            for (int c = 0; c < d; c++) {
                float x = data.values[offset + c];
                int base = c * width;
                for (int j = 0; j < width; j++) {
                    grad.w1[base + j] += x * firstDelta[j];
                }
            }
        }
        return grad;
    }

    private static void softmaxDelta(float[] logits, int gold, float weight, float[] delta) {
        float max = logits[0];
        for (float l : logits) {
            max = Math.max(max, l);
        }
        float sum = 0;
        for (int l = 0; l < logits.length; l++) {
            delta[l] = (float) Math.exp(logits[l] - max);
            sum += delta[l];
        }
        for (int l = 0; l < logits.length; l++) {
            delta[l] = weight * (delta[l] / sum - (l == gold ? 1 : 0));
        }
    }
}
