/**
 * The phi-ner training pipeline, run by the build: a synthetic PHI corpus, frozen MiniLM token features, a
 * token-classification head trained here, appended to the encoder's ONNX graph as a standard Hugging Face export.
 */
@NullMarked
package org.attest.phiner;

import org.jspecify.annotations.NullMarked;
