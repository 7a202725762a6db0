package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;
import org.attest.serving.internal.NoteUnit.Kind;
import org.attest.serving.internal.ServingProperties.Device;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The shipped summarizer's real code path — segmenter, candidates, encoder, selector, confidence — for the summarizer
 * evaluation, with an in-memory cache of unit embeddings in front of the encoder so that refitting the length rule
 * and the confidence does not re-encode (it lives in this package to reach the package-private parts).
 */
public final class SummarizerBenchRig implements AutoCloseable {

    /** The shipped version's manifest: the one the evaluation and the fit are about. */
    static final String SHIPPED_MANIFEST = "classpath:models/clinical-summarizer-extractive/1/model.yaml";

    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    private final SentenceEncoder encoder;
    private final CentroidSummarizer shipped;
    private CentroidSummarizer summarizer;
    private SummaryCalibration calibration;

    private final double threshold;

    private SummarizerBenchRig(
            SentenceEncoder encoder, CentroidSummarizer shipped, SummaryCalibration calibration, double threshold) {
        this.threshold = threshold;
        this.encoder = encoder;
        this.shipped = shipped;
        this.calibration = calibration;
        this.summarizer = shipped.with(this::embedCached, calibration);
    }

    /** Loads the shipped model on CPU, as the service does. */
    public static SummarizerBenchRig open() throws ModelLoadException, OrtException {
        OnnxRuntimeEngine engine =
                new OnnxRuntimeEngine(ServingProperties.defaults().withDevice(Device.CPU));
        ModelArtifacts artifacts = new ModelArtifacts(new DefaultResourceLoader());
        LocatedManifest located = artifacts.manifest(SHIPPED_MANIFEST);
        ModelManifest manifest = located.manifest();
        EngineSession session = engine.open(artifacts.readVerified(located, manifest.encoder()), manifest.id());
        SentenceEncoder encoder = SentenceEncoder.create(
                session, artifacts.readVerified(located, manifest.tokenizer()), manifest.maxTokens());
        SummaryCalibration calibration;
        try {
            calibration = SummaryCalibration.shipped();
        } catch (IllegalStateException e) {
            // A calibration file of an older set of signals: --fit starts from scratch.
            System.out.println("shipped calibration unreadable (" + e.getCause() + "); starting from a neutral one");
            calibration = SummaryCalibration.neutral();
        }
        return new SummarizerBenchRig(
                encoder,
                new CentroidSummarizer(encoder, ClinicalAnchors.embed(encoder), calibration),
                calibration,
                manifest.confidenceThreshold());
    }

    /** The release threshold in the shipped manifest. */
    public double threshold() {
        return threshold;
    }

    /**
     * One summary as the evaluation sees it.
     *
     * @param text the summary
     * @param confidence in [0,1]
     * @param outOfDistribution beyond the calibration's bound
     * @param signals the confidence signals, in the order of {@link #signalNames()}
     */
    public record Summary(String text, double confidence, boolean outOfDistribution, double[] signals) {}

    /** The signals' names. */
    public static List<String> signalNames() {
        return ConfidenceSignals.NAMES;
    }

    /** Summarizes with the current calibration's length rule. */
    public Summary summarize(String text) throws OrtException {
        return summary(summarizer.summarize(text));
    }

    /** Summarizes within a given word budget. */
    public Summary summarize(String text, int budget) throws OrtException {
        return summary(summarizer.summarize(NoteSegmenter.segment(text), budget));
    }

    /** The words of a text's content, as the length rule counts them. */
    public static int inputWords(String text) {
        return SummaryCandidates.words(NoteSegmenter.segment(text));
    }

    /** The word budget the length rule gives a text of so many words. */
    public int budget(int inputWords) {
        return calibration.budget(inputWords);
    }

    /** The first {@code n} non-header units of a text, rendered as the summarizer renders (the lead-n baseline). */
    public static String lead(String text, int n) {
        List<NoteUnit> lead = NoteSegmenter.segment(text).stream()
                .filter(unit -> unit.kind() != Kind.HEADER)
                .limit(n)
                .toList();
        return NoteUnit.render(lead);
    }

    /** The unit-length centroid of a text's candidate units, as the summarizer computes it. */
    public float[] documentCentroid(String text) throws OrtException {
        List<NoteUnit> candidates = SummaryCandidates.of(NoteSegmenter.segment(text));
        return Vectors.centroid(
                List.of(encodeCached(candidates.stream().map(NoteUnit::content).toList())));
    }

    /** Normalizes a vector sum, as the calibration stores its centroid. */
    public static float[] normalized(float[] vector) {
        return Vectors.normalized(vector);
    }

    /** Replaces the calibration by one given as the fields of {@code calibration.properties}; returns its text. */
    public String calibrate(Fit fit) {
        calibration = new SummaryCalibration(
                fit.lengthScale(),
                fit.lengthExponent(),
                fit.minWords(),
                fit.maxWords(),
                fit.intercept(),
                fit.means(),
                fit.scales(),
                fit.weights(),
                fit.centroid(),
                fit.distanceBound());
        summarizer = shipped.with(this::embedCached, calibration);
        return calibration.format();
    }

    /** Reads a calibration file's text and makes it current. */
    public void calibrate(String properties) throws IOException {
        calibration = SummaryCalibration.parse(properties);
        summarizer = shipped.with(this::embedCached, calibration);
    }

    /** The fields of a calibration (see {@code SummaryCalibration}). */
    public record Fit(
            double lengthScale,
            double lengthExponent,
            int minWords,
            int maxWords,
            double intercept,
            double[] means,
            double[] scales,
            double[] weights,
            float[] centroid,
            double distanceBound) {}

    /** Adds the embeddings saved by {@link #saveCache} (if the file exists): for repeated fitting runs only. */
    @SuppressWarnings("unchecked")
    public void loadCache(Path file) throws IOException, ClassNotFoundException {
        if (Files.exists(file)) {
            try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                cache.putAll((Map<String, float[]>) in.readObject());
            }
        }
    }

    /** Saves the embeddings computed so far. */
    public void saveCache(Path file) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeObject(new HashMap<>(cache));
        }
    }

    /** How many distinct units have been encoded so far. */
    public int cachedUnits() {
        return cache.size();
    }

    /** The cached vectors as the summarizer takes them: a local encoder has no served version. */
    private SentenceEncoder.Embeddings embedCached(List<String> texts) throws OrtException {
        return SentenceEncoder.Embeddings.local(encodeCached(texts));
    }

    private float[][] encodeCached(List<String> texts) throws OrtException {
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            if (!cache.containsKey(text) && !missing.contains(text)) {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            float[][] vectors = encoder.encode(missing);
            for (int i = 0; i < vectors.length; i++) {
                cache.put(missing.get(i), vectors[i]);
            }
        }
        return texts.stream().map(cache::get).toArray(float[][]::new);
    }

    private static Summary summary(CentroidSummarizer.Extract extract) {
        return new Summary(
                extract.text(),
                extract.confidence(),
                extract.outOfDistribution(),
                extract.signals().values());
    }

    @Override
    public void close() throws OrtException {
        encoder.close();
    }
}
