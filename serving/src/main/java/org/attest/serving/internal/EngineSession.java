package org.attest.serving.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * One loaded ONNX model: a session that every thread shares ({@link OrtSession#run} is thread-safe) and the device it
 * runs on.
 *
 * @param environment the process's ONNX Runtime environment, needed to create input tensors
 * @param session the session
 * @param device {@code cpu} or {@code cuda}
 */
record EngineSession(OrtEnvironment environment, OrtSession session, String device) implements AutoCloseable {

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
