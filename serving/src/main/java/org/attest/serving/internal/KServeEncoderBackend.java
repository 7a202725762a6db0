package org.attest.serving.internal;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.attest.serving.internal.KServeV2Client.InferResult;
import org.attest.serving.internal.KServeV2Client.Input;
import org.attest.serving.internal.KServeV2Client.ModelMetadata;
import org.attest.serving.internal.KServeV2Client.Output;
import org.attest.serving.internal.KServeV2Client.TensorMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence encoder's model call on a remote Triton/KServe server (backend {@code kserve-v2}): the batch's token
 * tensors go out as INT64, {@code last_hidden_state} comes back as FP32; tokenizing and pooling stay local. The
 * model's inputs, output and hidden size are checked against the server's metadata at load. Every answer's
 * {@code model_version} goes back with that call's output ({@link HiddenStates#servedVersion()}), so that each
 * prediction records the versions that computed it; the last one seen is kept only to log a change.
 */
final class KServeEncoderBackend implements EncoderBackend {

    static final String DEVICE = "kserve-v2";

    /** Longest {@code model_version} accepted from a server: it goes into every audit row. */
    static final int MAX_VERSION_LENGTH = 128;

    private static final Logger log = LoggerFactory.getLogger(KServeEncoderBackend.class);

    private final KServeV2Client client;
    private final boolean takesTokenTypes;
    private final int dimensions;
    private volatile @Nullable String servedVersion;

    private KServeEncoderBackend(
            KServeV2Client client, boolean takesTokenTypes, int dimensions, @Nullable String servedVersion) {
        this.client = client;
        this.takesTokenTypes = takesTokenTypes;
        this.dimensions = dimensions;
        this.servedVersion = servedVersion;
    }

    /**
     * Connects: the server must be ready and the model's metadata must describe a BERT-style encoder.
     *
     * @throws ModelLoadException when the server is not ready, unreachable, or serves another kind of model
     */
    static KServeEncoderBackend connect(KServeV2Client client) throws ModelLoadException {
        String id = client.settings().id();
        if (!client.serverReady()) {
            throw new ModelLoadException("remote server for " + id + " is not ready (GET /v2/health/ready)");
        }
        ModelMetadata metadata;
        try {
            metadata = client.metadata();
        } catch (RemoteInferenceException e) {
            throw new ModelLoadException("remote model " + id + " has no metadata: " + e.getMessage(), e);
        }
        List<String> inputs =
                metadata.inputs().stream().map(TensorMetadata::name).toList();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            throw new ModelLoadException("remote model " + id + " lacks input_ids or attention_mask");
        }
        TensorMetadata hidden = metadata.outputs().stream()
                .filter(o -> o.name().equals(LAST_HIDDEN_STATE))
                .findFirst()
                .orElseThrow(() -> new ModelLoadException("remote model " + id + " has no last_hidden_state output"));
        long[] shape = hidden.shape();
        if (shape.length != 3 || shape[2] <= 0 || !"FP32".equals(hidden.datatype())) {
            throw new ModelLoadException("remote model " + id + ": last_hidden_state must be FP32 [batch, tokens,"
                    + " hidden] with a fixed hidden size, not " + hidden.datatype() + " " + Arrays.toString(shape));
        }
        String version = client.settings().version() != null
                ? client.settings().version()
                : metadata.versions().isEmpty() ? null : metadata.versions().getLast();
        return new KServeEncoderBackend(client, inputs.contains(TOKEN_TYPE_IDS), (int) shape[2], version);
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public String device() {
        return DEVICE;
    }

    /**
     * The server's version of the model as of the last answer (or the metadata before any), if it named one; for
     * logs and tests: a prediction records the versions of its own calls instead.
     */
    Optional<String> servedVersion() {
        return Optional.ofNullable(servedVersion);
    }

    @Override
    public HiddenStates lastHiddenState(TokenBatch batch) {
        long[] shape = batch.shape();
        List<Input> inputs = new ArrayList<>(3);
        inputs.add(new Input(INPUT_IDS, shape, batch.ids()));
        inputs.add(new Input(ATTENTION_MASK, shape, batch.mask()));
        if (takesTokenTypes) {
            inputs.add(new Input(TOKEN_TYPE_IDS, shape, batch.types()));
        }
        InferResult result = client.infer(inputs, List.of(LAST_HIDDEN_STATE));
        String version = answeredVersion(result.modelVersion());
        noteVersion(version);
        Output hidden = result.output(LAST_HIDDEN_STATE);
        long[] expected = {batch.rows(), batch.tokens(), dimensions};
        if (!Arrays.equals(hidden.shape(), expected)
                || hidden.data().length != batch.rows() * batch.tokens() * dimensions) {
            throw new RemoteInferenceException(
                    "remote model " + client.settings().id() + " returned last_hidden_state" + " of shape "
                            + Arrays.toString(hidden.shape()) + ", expected " + Arrays.toString(expected));
        }
        return new HiddenStates(FloatBuffer.wrap(hidden.data()), version);
    }

    /**
     * The version that answered: the one the answer names ({@code model_version} is optional in the protocol), else
     * the configured one, since the request went to its {@code /versions/} path; null when neither is known — the
     * metadata's newest version is only a guess, and an audit row records no guesses.
     *
     * @throws RemoteInferenceException when the named version is too long or holds control characters
     */
    private @Nullable String answeredVersion(@Nullable String named) {
        if (named == null || named.isBlank()) {
            return client.settings().version();
        }
        if (named.length() > MAX_VERSION_LENGTH || named.chars().anyMatch(Character::isISOControl)) {
            throw new RemoteInferenceException(
                    "remote model " + client.settings().id() + " answered an unusable model_version (" + named.length()
                            + " characters)");
        }
        return named;
    }

    private void noteVersion(@Nullable String version) {
        String previous = servedVersion;
        if (version != null && !Objects.equals(version, previous)) {
            servedVersion = version;
            log.info(
                    "remote model {} now answers as version {} (was {})",
                    client.settings().model(),
                    version,
                    previous);
        }
    }

    @Override
    public void close() {
        // HttpClient holds no connection worth closing before the JVM does; nothing else is native.
    }
}
