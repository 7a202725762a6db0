package org.attest.phiner;

/** Trainable parameters (or their gradients) of a {@link Head}, with Adam's moment estimates. */
final class Params {

    final float[] w1;
    final float[] b1;
    final float[] w2;
    final float[] b2;
    private float[][] m;
    private float[][] v;

    Params(int w1, int b1, int w2, int b2) {
        this.w1 = new float[w1];
        this.b1 = new float[b1];
        this.w2 = new float[w2];
        this.b2 = new float[b2];
    }

    private float[][] all() {
        return new float[][] {w1, b1, w2, b2};
    }

    /** One Adam step with the given gradients (decoupled L2 on the weights). */
    void adam(Params grad, int t, float rate, float beta1, float beta2, float epsilon, float l2) {
        float[][] params = all();
        float[][] grads = grad.all();
        if (m == null) {
            m = new float[4][];
            v = new float[4][];
            for (int k = 0; k < 4; k++) {
                m[k] = new float[params[k].length];
                v[k] = new float[params[k].length];
            }
        }
        float correction1 = 1 - (float) Math.pow(beta1, t);
        float correction2 = 1 - (float) Math.pow(beta2, t);
        for (int k = 0; k < 4; k++) {
            float[] p = params[k];
            float[] g = grads[k];
            boolean weights = k == 0 || k == 2;
            for (int i = 0; i < p.length; i++) {
                m[k][i] = beta1 * m[k][i] + (1 - beta1) * g[i];
                v[k][i] = beta2 * v[k][i] + (1 - beta2) * g[i] * g[i];
                float update = (m[k][i] / correction1) / ((float) Math.sqrt(v[k][i] / correction2) + epsilon);
                p[i] -= rate * (update + (weights ? l2 * p[i] : 0));
            }
        }
    }
}
