package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import java.io.IOException;
import java.io.InputStream;
import org.attest.serving.internal.ServingProperties.Device;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Device selection. The checks that expect no CUDA run only with the CPU build of ONNX Runtime (the default), where
 * CUDA can never be used; under the {@code gpu} profile they are skipped.
 */
class OnnxRuntimeEngineTest {

    private static byte[] model;

    @BeforeAll
    static void readModel() throws IOException {
        try (InputStream in = OnnxRuntimeEngineTest.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) {
            model = in.readAllBytes();
        }
    }

    static void assumeCpuBuild() {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "a CUDA build of ONNX Runtime");
    }

    @Test
    void autoFallsBackToCpuWithoutCuda() throws OrtException {
        assumeCpuBuild();
        OnnxRuntimeEngine engine = new OnnxRuntimeEngine(ServingProperties.defaults());

        assertThat(engine.fellBackToCpu()).isFalse();
        try (EngineSession session = engine.open(model, "test:1")) {
            assertThat(session.device()).isEqualTo(OnnxRuntimeEngine.CPU);
            assertThat(session.session().getInputNames()).contains("input_ids", "attention_mask");
        }
        assertThat(engine.fellBackToCpu()).as("CUDA is tried once per process").isTrue();
        try (EngineSession second = engine.open(model, "test:2")) {
            assertThat(second.device()).isEqualTo(OnnxRuntimeEngine.CPU);
        }
    }

    @Test
    void cudaFailsFastWithoutCuda() {
        assumeCpuBuild();

        assertThatThrownBy(
                        () -> new OnnxRuntimeEngine(ServingProperties.defaults().withDevice(Device.CUDA)))
                .isInstanceOf(CudaUnavailableException.class)
                .hasMessageStartingWith("attest.serving.device=cuda but the CUDA execution provider cannot be used");
    }

    @Test
    void cpuRunsOnCpuWithConfiguredThreads() throws OrtException {
        ServingProperties properties = new ServingProperties(Device.CPU, 1, 2, false, null, null, true);

        try (EngineSession session = new OnnxRuntimeEngine(properties).open(model, "test:1")) {
            assertThat(session.device()).isEqualTo(OnnxRuntimeEngine.CPU);
        }
    }

    @Test
    void aBrokenModelIsAnOrtException() {
        OnnxRuntimeEngine engine = new OnnxRuntimeEngine(ServingProperties.defaults());

        assertThatThrownBy(() -> engine.open(new byte[] {1, 2, 3}, "broken:1")).isInstanceOf(OrtException.class);
    }
}
