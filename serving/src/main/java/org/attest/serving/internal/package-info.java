/** ONNX Runtime engine, tokenizer, model kinds and their loading; not for use outside the serving module. */
@NullMarked
package org.attest.serving.internal;

import org.jspecify.annotations.NullMarked;
