package org.attest.serving.internal;

import ai.onnxruntime.OrtException;

/**
 * Builds a ready {@link CentroidSummarizer} whose encoder is served by a remote Triton/KServe server (backend
 * {@code kserve-v2}): the tokenizer (verified against the manifest) and pooling are local, the encoder call goes over
 * the KServe v2 REST protocol through the same micro-batching as a local encoder.
 */
final class KServeEncoderLoader {

    static final String BACKEND = KServeEncoderBackend.DEVICE;

    private final InferenceBatching batching;

    KServeEncoderLoader(InferenceBatching batching) {
        this.batching = batching;
    }

    /**
     * Loads the model.
     *
     * @param name the local model name (meters, logs)
     * @param version the local model version
     * @param tokenizerJson the verified {@code tokenizer.json} the remote encoder was trained with
     * @throws ModelLoadException when the server is not ready or its model is not a BERT-style encoder
     * @throws OrtException never from the remote call; declared by the clinical anchors' embedding
     */
    CentroidSummarizer load(String name, String version, KServeV2Settings remote, byte[] tokenizerJson, int maxTokens)
            throws ModelLoadException, OrtException {
        KServeEncoderBackend backend = KServeEncoderBackend.connect(new KServeV2Client(remote));
        SentenceEncoder sentences =
                SentenceEncoder.create(backend, tokenizerJson, maxTokens, new ModelBatching(batching, name, version));
        try {
            return new CentroidSummarizer(sentences, ClinicalAnchors.embed(sentences));
        } catch (OrtException | RuntimeException e) {
            sentences.close();
            throw e;
        }
    }
}
