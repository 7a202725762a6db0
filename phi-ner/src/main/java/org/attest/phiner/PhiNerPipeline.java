package org.attest.phiner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Produces the {@code phi-ner} model, deterministically for a seed: generates the synthetic corpus (training templates
 * filled with datafaker surrogates, varied in case, punctuation and position, plus PHI-free clinical sentences from
 * {@code --data} when present; 15 % of the templates and a share of the carriers only for the development split),
 * encodes it with the frozen int8 MiniLM-L6 cut after the layers the head reads
 * ({@link EncoderCut}: by default after its third layer of six, the outputs of the second and third side by side,
 * half the encoder's cost), trains the head, lowers the {@code O} bias
 * on a development split until recall is high, appends the head to the cut encoder's graph and writes {@code model.onnx},
 * {@code tokenizer.json}, {@code config.json}, {@code model.yaml} and {@code training-report.txt} to {@code --out}.
 * Skips the work when the output's stamp matches the inputs.
 *
 * <p>Usage: {@code PhiNerPipeline --out DIR [--data DIR] [--seed N] [--layers 1,2]}; the build runs it (module {@code phi-ner}).
 */
public final class PhiNerPipeline {

    static final String VERSION = "2";
    /** The encoder layers (zero-based, of 6) whose outputs the head reads, side by side: the encoder runs 3 of its 6. */
    static final String LAYERS = "1,2";

    static final int TRAIN_TEMPLATED = 4000;
    static final int TRAIN_CARRIERS = 2000;
    static final int DEV_TEMPLATED = 500;
    static final int DEV_CARRIERS = 250;
    /** Share of the templates (percent) kept out of training: the development split measures unseen sentences. */
    static final int DEV_TEMPLATE_PERCENT = 15;
    /** Carrier sentences kept for the development split. */
    static final int DEV_CARRIER_POOL = 1500;

    static final int HIDDEN = 128;
    static final int EPOCHS = 10;
    static final float ENTITY_WEIGHT = 3f;
    /** O-bias shifts tried by the calibration: 0 to 6 in steps of 0.25. */
    static final float[] SHIFTS = shifts(6f, 0.25f);

    static final double TARGET_RECALL = 0.995;

    private PhiNerPipeline() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(option(args, "--out", "target/classes/models/phi-ner/" + VERSION));
        Path data = Path.of(option(args, "--data", "../shared/data"));
        long seed = Long.parseLong(option(args, "--seed", "20141"));
        EncoderCut cut = EncoderCut.parse(option(args, "--layers", LAYERS));
        long started = System.nanoTime();
        byte[] encoder = cut.apply(resource("/all-minilm-l6-v2-q.onnx"));
        byte[] tokenizer = resource("/all-minilm-l6-v2-q-tokenizer.json");
        byte[] templates = resource("/phi-ner/templates.txt");
        Path mts = data.resolve("mts-dialog/MTS-Dialog-TrainingSet.csv");
        String stamp = Stamp.of(seed + ";layers=" + cut.describe(), templates, mts, PhiNerPipeline.class);
        if (Stamp.matches(out, stamp)) {
            System.out.println("phi-ner " + VERSION + " is up to date in " + out);
            return;
        }
        Random random = new Random(seed);
        List<String> carriers = new ArrayList<>(CarrierSentences.read(mts, List.of("section_text", "dialogue"), 200));
        Collections.shuffle(carriers, random);
        List<String> lines = new ArrayList<>(templateLines(templates));
        Collections.shuffle(lines, random);
        int devTemplates = Math.max(1, lines.size() * DEV_TEMPLATE_PERCENT / 100);
        int devCarriers = Math.min(DEV_CARRIER_POOL, carriers.size() / 4);
        Corpus corpus = new Corpus(
                lines.subList(devTemplates, lines.size()), carriers.subList(devCarriers, carriers.size()), random);
        Corpus devCorpus = new Corpus(lines.subList(0, devTemplates), carriers.subList(0, devCarriers), random);
        List<Sentence> train = corpus.generate(TRAIN_TEMPLATED, TRAIN_CARRIERS);
        List<Sentence> dev = devCorpus.generate(DEV_TEMPLATED, DEV_CARRIERS);
        System.out.printf(
                Locale.ROOT,
                "phi-ner: %d training and %d development sentences (%d templates kept for development,"
                        + " %d carriers available)%n",
                train.size(),
                dev.size(),
                devTemplates,
                carriers.size());
        Matrix trainFeatures;
        Matrix devFeatures;
        try (TokenFeatures features = new TokenFeatures(encoder, cut.dimensions(), tokenizer)) {
            trainFeatures = new Matrix(features.dimensions);
            features.collect(train, trainFeatures);
            devFeatures = new Matrix(features.dimensions);
            features.collect(dev, devFeatures);
        }
        System.out.printf(
                Locale.ROOT,
                "phi-ner: encoded %d + %d tokens in %d s%n",
                trainFeatures.rows,
                devFeatures.rows,
                (System.nanoTime() - started) / 1_000_000_000L);
        Head trained = new HeadTrainer(HIDDEN, EPOCHS, ENTITY_WEIGHT, random).train(trainFeatures, Labels.ALL.size());
        Calibration calibration = Calibration.choose(trained, devFeatures, SHIFTS, TARGET_RECALL);
        Head head = trained.withOutsideShift(calibration.shift());
        String report = calibration.report(
                seed, cut, train.size(), trainFeatures.rows, dev.size(), devFeatures.rows, carriers.size());
        System.out.print(report);
        byte[] model = OnnxExport.append(
                encoder,
                head,
                "phi-ner " + VERSION + ": all-MiniLM-L6-v2 (int8) cut after layer(s) " + cut.describe() + " + "
                        + "token-classification head trained by org.attest.phiner.PhiNerPipeline, seed " + seed);
        Artifacts.write(out, model, tokenizer, report, stamp);
        System.out.printf(
                Locale.ROOT,
                "phi-ner %s written to %s in %d s%n",
                VERSION,
                out,
                (System.nanoTime() - started) / 1_000_000_000L);
    }

    private static float[] shifts(float max, float step) {
        float[] shifts = new float[Math.round(max / step) + 1];
        for (int i = 0; i < shifts.length; i++) {
            shifts[i] = i * step;
        }
        return shifts;
    }

    static List<String> templateLines(byte[] templates) {
        return new String(templates, StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PhiNerPipeline.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
