package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.attest.serving.internal.ServingProperties.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generation loop on Optimum-shaped exports built by the test ({@link OptimumTestExport}): both file layouts
 * (merged decoder with {@code use_cache_branch}, and the decoder / decoder-with-past pair), greedy and beam search,
 * max new tokens, no-repeat n-gram, per-token log-probabilities and the confidence mapping.
 */
class Seq2SeqModelTest {

    private static final int EOS = 1;
    private static final Seq2SeqLoader LOADER =
            new Seq2SeqLoader(new OnnxRuntimeEngine(ServingProperties.defaults().withDevice(Device.CPU)));
    private static final long[] SOURCE = {5, 3, 7, 1};

    /** After the start token 2 is likelier than 3, but 3 -> 7 -> eos beats every continuation of 2. */
    static float[][] greedyIsNotBest() {
        float[][] p = uniform(8);
        p[0] = row(8, 0.1f / 6, 2, 0.5f, 3, 0.4f);
        p[2] = row(8, 0.03f / 5, 4, 0.34f, 5, 0.33f, 6, 0.30f);
        p[3] = row(8, 0.1f / 7, 7, 0.9f);
        for (int t = 4; t < 8; t++) {
            p[t] = row(8, 0.1f / 7, EOS, 0.9f);
        }
        return p;
    }

    /** 6 follows the start and itself with 0.7; end-of-sequence follows 6 with 0.2. */
    static float[][] repeats() {
        float[][] p = uniform(8);
        p[0] = row(8, 0.3f / 7, 6, 0.7f);
        p[6] = row(8, 0.1f / 6, 6, 0.7f, EOS, 0.2f);
        return p;
    }

    /** 6 follows the start and itself with 0.7; end-of-sequence is (almost) never likely on its own. */
    static float[][] repeatsWithoutEnd() {
        float[][] p = new float[8][];
        for (int t = 0; t < 8; t++) {
            p[t] = row(8, (1f - 1e-6f) / 7, EOS, 1e-6f);
        }
        p[0] = row(8, (0.3f - 1e-6f) / 6, 6, 0.7f, EOS, 1e-6f);
        p[6] = row(8, (0.3f - 1e-6f) / 6, 6, 0.7f, EOS, 1e-6f);
        return p;
    }

    private static Seq2SeqModel load(float[][] table, int eosAtPast, boolean merged) throws Exception {
        OptimumTestExport export = new OptimumTestExport(2, 3, 2, table, EOS, eosAtPast);
        Seq2SeqLoader.Files files = merged
                ? Seq2SeqLoader.Files.merged(export.encoder(), export.merged())
                : Seq2SeqLoader.Files.pair(export.encoder(), export.decoder(), export.decoderWithPast());
        return LOADER.load("test-seq2seq:1", files, GenerationSettings.greedy(10));
    }

    @ParameterizedTest(name = "merged decoder: {0}")
    @ValueSource(booleans = {true, false})
    void readsLayersHeadsAndHeadSizeFromTheSessions(boolean merged) throws Exception {
        try (Seq2SeqModel model = load(greedyIsNotBest(), -1, merged)) {
            assertThat(model.layout()).isEqualTo(new Seq2SeqLayout(2, 2, 3, merged));
        }
    }

    @ParameterizedTest(name = "merged decoder: {0}")
    @ValueSource(booleans = {true, false})
    void greedyTakesTheLikeliestTokenEachStepWithItsLogProbability(boolean merged) throws Exception {
        try (Seq2SeqModel model = load(greedyIsNotBest(), -1, merged)) {
            Generation generation = model.generate(SOURCE);

            assertThat(generation.tokens()).containsExactly(2, 4, EOS);
            assertThat(generation.finished()).isTrue();
            assertLogProbs(generation, 0.5, 0.34, 0.9);
            assertThat(generation.confidence()).isCloseTo(Math.cbrt(0.5 * 0.34 * 0.9), within(1e-5));
        }
    }

    @ParameterizedTest(name = "merged decoder: {0}")
    @ValueSource(booleans = {true, false})
    void beamSearchFindsTheMoreProbableSequence(boolean merged) throws Exception {
        try (Seq2SeqModel model = load(greedyIsNotBest(), -1, merged)) {
            Generation generation =
                    model.generate(SOURCE, GenerationSettings.greedy(10).withBeams(2));

            assertThat(generation.tokens()).containsExactly(3, 7, EOS);
            assertLogProbs(generation, 0.4, 0.9, 0.9);
            assertThat(generation.confidence()).isCloseTo(Math.cbrt(0.4 * 0.9 * 0.9), within(1e-5));
        }
    }

    @Test
    void maxNewTokensStopsAnUnfinishedGeneration() throws Exception {
        try (Seq2SeqModel model = load(repeats(), -1, true)) {
            Generation generation = model.generate(SOURCE, GenerationSettings.greedy(4));

            assertThat(generation.tokens()).containsExactly(6, 6, 6, 6);
            assertThat(generation.finished()).isFalse();
        }
    }

    @ParameterizedTest(name = "beams: {0}")
    @ValueSource(ints = {1, 3})
    void noRepeatNgramBansARepeatedBigram(int beams) throws Exception {
        try (Seq2SeqModel model = load(repeats(), -1, true)) {
            Generation generation = model.generate(
                    SOURCE,
                    GenerationSettings.greedy(4).withNoRepeatNgramSize(2).withBeams(beams));

            assertThat(generation.tokens()).containsExactly(6, 6, EOS);
            assertLogProbs(generation, 0.7, 0.7, 0.2);
        }
    }

    @ParameterizedTest(name = "merged decoder: {0}")
    @ValueSource(booleans = {true, false})
    void theCacheGrowsByOneTokenPerStep(boolean merged) throws Exception {
        // The export forces end-of-sequence once the decoder cache holds three tokens.
        try (Seq2SeqModel model = load(repeatsWithoutEnd(), 3, merged)) {
            assertThat(model.generate(SOURCE).tokens()).containsExactly(6, 6, 6, EOS);
            assertThat(model.generate(SOURCE, GenerationSettings.greedy(10).withBeams(2))
                            .tokens())
                    .containsExactly(6, 6, 6, EOS);
        }
    }

    @Test
    void aFileSetThatIsNeitherLayoutIsRefused() {
        OptimumTestExport export = new OptimumTestExport(2, 3, 1, repeats(), EOS, -1);
        Seq2SeqLoader.Files mixed = new Seq2SeqLoader.Files(export.encoder(), export.merged(), export.decoder(), null);

        assertThatThrownBy(() -> LOADER.load("test-seq2seq:1", mixed, GenerationSettings.greedy(4)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("decoder_model_merged.onnx");
    }

    @Test
    void aMergedDecoderGivenAsTheWithPastHalfIsRefused() {
        OptimumTestExport export = new OptimumTestExport(2, 3, 1, repeats(), EOS, -1);
        Seq2SeqLoader.Files swapped = Seq2SeqLoader.Files.pair(export.encoder(), export.decoder(), export.merged());

        assertThatThrownBy(() -> LOADER.load("test-seq2seq:1", swapped, GenerationSettings.greedy(4)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("use_cache_branch");
    }

    @Test
    void confidenceIsTheGeometricMeanTokenProbability() {
        Generation generation = new Generation(List.of(4, 1), List.of(Math.log(0.25), Math.log(1.0)), true);

        assertThat(generation.confidence()).isCloseTo(0.5, within(1e-12));
        assertThat(new Generation(List.of(), List.of(), false).confidence()).isZero();
    }

    private static void assertLogProbs(Generation generation, double... probabilities) {
        assertThat(generation.tokenLogProbs()).hasSize(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            assertThat(generation.tokenLogProbs().get(i)).isCloseTo(Math.log(probabilities[i]), within(1e-5));
        }
    }

    private static float[][] uniform(int size) {
        float[][] p = new float[size][size];
        for (float[] r : p) {
            Arrays.fill(r, 1f / size);
        }
        return p;
    }

    /** A distribution: the given token/probability pairs, the rest {@code rest} each. */
    private static float[] row(int size, float rest, Object... pairs) {
        float[] r = new float[size];
        Arrays.fill(r, rest);
        for (int i = 0; i < pairs.length; i += 2) {
            r[(Integer) pairs[i]] = (Float) pairs[i + 1];
        }
        return r;
    }
}
