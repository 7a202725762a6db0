package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;

/**
 * Builds a loaded model from a manifest of one {@code kind}. One Spring bean per kind; the registry picks the loader
 * by the manifest's {@code kind}, and refuses a version whose kind has none.
 */
interface ModelLoader {

    /** The manifest {@code kind} this loader reads, e.g. {@code extractive-summarizer}. */
    String kind();

    /**
     * Loads the model: reads its files only if their SHA-256 match, opens its sessions.
     *
     * @throws ModelLoadException when the manifest does not suit this kind or a file is missing or altered
     * @throws OrtException when ONNX Runtime cannot load the model
     * @throws CudaUnavailableException when {@code device=cuda} and the model cannot run on CUDA
     */
    LoadedModel load(LocatedManifest located) throws ModelLoadException, OrtException;
}
