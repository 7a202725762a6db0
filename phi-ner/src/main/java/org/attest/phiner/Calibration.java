package org.attest.phiner;

import java.util.Locale;

/**
 * Chooses how far to lower the {@code O} logit, on the development split: the smallest shift whose token recall (gold
 * PHI tokens tagged as any entity) reaches the target with precision at least {@link #MIN_PRECISION}; failing that,
 * the shift with the best F2 (recall weighs four times precision).
 *
 * @param shift the chosen shift
 * @param recall development token recall at that shift
 * @param precision development token precision at that shift
 * @param typeAccuracy share of recalled gold tokens that got their own type
 * @param unshiftedRecall recall before any shift
 * @param unshiftedPrecision precision before any shift
 */
record Calibration(
        float shift,
        double recall,
        double precision,
        double typeAccuracy,
        double unshiftedRecall,
        double unshiftedPrecision) {

    static final double MIN_PRECISION = 0.85;

    static Calibration choose(Head head, Matrix dev, float[] shifts, double targetRecall) {
        double[] base = evaluate(head, dev);
        Calibration best = null;
        double bestF2 = -1;
        for (float shift : shifts) {
            double[] m = evaluate(head.withOutsideShift(shift), dev);
            Calibration candidate = new Calibration(shift, m[0], m[1], m[2], base[0], base[1]);
            if (m[0] >= targetRecall && m[1] >= MIN_PRECISION) {
                return candidate;
            }
            double f2 = 5 * m[0] * m[1] / Math.max(4 * m[1] + m[0], 1e-9);
            if (f2 > bestF2) {
                bestF2 = f2;
                best = candidate;
            }
        }
        return best;
    }

    /** {recall, precision, type accuracy} of entity detection over all tokens. */
    static double[] evaluate(Head head, Matrix data) {
        float[] scratch = new float[Math.max(head.hidden(), 1)];
        float[] logits = new float[head.labels()];
        long gold = 0;
        long predicted = 0;
        long hit = 0;
        long sameType = 0;
        for (int r = 0; r < data.rows; r++) {
            head.logits(data.values, r * data.columns, scratch, logits);
            int best = 0;
            for (int l = 1; l < logits.length; l++) {
                if (logits[l] > logits[best]) {
                    best = l;
                }
            }
            int truth = data.labels[r];
            gold += truth != 0 ? 1 : 0;
            predicted += best != 0 ? 1 : 0;
            if (truth != 0 && best != 0) {
                hit++;
                sameType += (truth - 1) / 2 == (best - 1) / 2 ? 1 : 0;
            }
        }
        return new double[] {
            hit / (double) Math.max(gold, 1),
            hit / (double) Math.max(predicted, 1),
            sameType / (double) Math.max(hit, 1)
        };
    }

    String report(
            long seed,
            EncoderCut cut,
            int trainSentences,
            int trainTokens,
            int devSentences,
            int devTokens,
            int carriers) {
        return String.format(
                Locale.ROOT,
                """
                phi-ner %s training report
                seed: %d
                encoder: all-MiniLM-L6-v2 (int8) cut after layer(s) %s of 0-5, features %d wide
                labels: %s
                head: %s, %d epochs, entity weight %.1f
                training: %d sentences, %d tokens; development: %d sentences, %d tokens; carrier sentences: %d
                development (templates and carriers kept out of training), token level, any entity type:
                  before calibration: recall %.4f, precision %.4f
                  O bias lowered by %.2f: recall %.4f, precision %.4f, right type %.4f
                """,
                PhiNerPipeline.VERSION,
                seed,
                cut.describe(),
                cut.dimensions(),
                String.join(" ", Labels.ALL),
                PhiNerPipeline.HIDDEN == 0 ? "linear (MatMul + Add)" : "MLP " + PhiNerPipeline.HIDDEN + " ReLU",
                PhiNerPipeline.EPOCHS,
                PhiNerPipeline.ENTITY_WEIGHT,
                trainSentences,
                trainTokens,
                devSentences,
                devTokens,
                carriers,
                unshiftedRecall,
                unshiftedPrecision,
                shift,
                recall,
                precision,
                typeAccuracy);
    }
}
