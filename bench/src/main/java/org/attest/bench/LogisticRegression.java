package org.attest.bench;

/**
 * Binary logistic regression on standardized features, fitted by Newton's method (iteratively reweighted least
 * squares) with a small L2 penalty on the weights (not the intercept), which keeps the fit unique when two signals
 * are collinear. Deterministic: no random start.
 *
 * @param intercept the fitted intercept
 * @param weights one per feature
 */
record LogisticRegression(double intercept, double[] weights) {

    static final int ITERATIONS = 50;

    /** Fits {@code P(y | x) = sigmoid(b + w.x)}. */
    static LogisticRegression fit(double[][] x, boolean[] y, double l2) {
        int d = x[0].length + 1;
        double[] beta = new double[d];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double[] row = withBias(x[i]);
                double p = sigmoid(dot(beta, row));
                double residual = (y[i] ? 1 : 0) - p;
                for (int a = 0; a < d; a++) {
                    gradient[a] += residual * row[a];
                    for (int b = 0; b < d; b++) {
                        hessian[a][b] += p * (1 - p) * row[a] * row[b];
                    }
                }
            }
            for (int a = 1; a < d; a++) {
                gradient[a] -= l2 * beta[a];
                hessian[a][a] += l2;
            }
            double[] step = solve(hessian, gradient);
            for (int a = 0; a < d; a++) {
                beta[a] += step[a];
            }
        }
        double[] weights = new double[d - 1];
        System.arraycopy(beta, 1, weights, 0, d - 1);
        return new LogisticRegression(beta[0], weights);
    }

    double probability(double[] features) {
        return sigmoid(intercept + dot(weights, features));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double[] withBias(double[] features) {
        double[] row = new double[features.length + 1];
        row[0] = 1;
        System.arraycopy(features, 0, row, 1, features.length);
        return row;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Gaussian elimination with partial pivoting; the Hessian is positive definite thanks to the penalty. */
    private static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][];
        double[] b = vector.clone();
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                pivot = Math.abs(a[row][col]) > Math.abs(a[pivot][col]) ? row : pivot;
            }
            double[] swapRow = a[col];
            a[col] = a[pivot];
            a[pivot] = swapRow;
            double swap = b[col];
            b[col] = b[pivot];
            b[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k < n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
                b[row] -= factor * b[col];
            }
        }
        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = b[row];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * solution[k];
            }
            solution[row] = sum / a[row][row];
        }
        return solution;
    }
}
