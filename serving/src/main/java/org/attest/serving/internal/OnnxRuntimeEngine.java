package org.attest.serving.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.util.Locale;
import org.attest.serving.internal.ServingProperties.Device;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens ONNX Runtime sessions on the configured device. There is one {@link OrtEnvironment} per process (ONNX Runtime
 * allows no more), with telemetry switched off here as well as through {@code ORT_DISABLE_TELEMETRY}.
 *
 * <p>CUDA is detected by trying it: {@link OrtEnvironment#getAvailableProviders()} lists CUDA in builds that have it
 * even on machines without a GPU, and the CPU build fails only when the provider is added.
 */
final class OnnxRuntimeEngine {

    static final String CPU = "cpu";
    static final String CUDA = "cuda";

    private static final Logger log = LoggerFactory.getLogger(OnnxRuntimeEngine.class);

    private final OrtEnvironment environment;
    private final Device device;
    private final int intraOpThreads;
    private final int interOpThreads;
    private final boolean spinning;
    /** In {@code auto} mode, set after the first failed CUDA attempt: later sessions go to CPU without retrying. */
    private volatile boolean cudaUnusable;

    /**
     * Starts the engine.
     *
     * @throws CudaUnavailableException when {@code device=cuda} and the CUDA provider cannot even be added
     */
    OnnxRuntimeEngine(ServingProperties properties) {
        this.device = properties.device();
        this.intraOpThreads = properties.intraOpThreads();
        this.interOpThreads = properties.interOpThreads();
        this.spinning = properties.spinning();
        try {
            this.environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "attest");
            environment.setTelemetry(false);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not start: " + e.getMessage(), e);
        }
        if (device == Device.CUDA) {
            probeCuda();
        }
        log.info(
                "ONNX Runtime {} started: device={}, intra-op threads={}, inter-op threads={}, spinning={}",
                environment.getVersion(),
                device.name().toLowerCase(Locale.ROOT),
                threadsLabel(intraOpThreads),
                threadsLabel(interOpThreads),
                spinning);
    }

    /**
     * Opens a session on a model held in memory.
     *
     * @param model the ONNX file's bytes, already verified against the manifest
     * @param modelId {@code name:version}, for the log
     * @throws CudaUnavailableException when {@code device=cuda} and the session can run on CPU but not on CUDA
     * @throws OrtException when the model cannot be loaded at all
     */
    EngineSession open(byte[] model, String modelId) throws OrtException {
        long started = System.nanoTime();
        EngineSession session = switch (device) {
            case CPU -> new EngineSession(environment, create(model, false), CPU);
            case CUDA -> openOnCuda(model);
            case AUTO -> openOnCudaOrCpu(model, modelId);
        };
        log.info(
                "Opened session for {} on {} in {} ms",
                modelId,
                session.device(),
                (System.nanoTime() - started) / 1_000_000);
        return session;
    }

    private EngineSession openOnCuda(byte[] model) throws OrtException {
        try {
            return new EngineSession(environment, create(model, true), CUDA);
        } catch (OrtException onCuda) {
            // Tell a broken model apart from a missing GPU: if CPU can load it, CUDA was the problem.
            create(model, false).close();
            throw new CudaUnavailableException(firstLine(onCuda.getMessage()), onCuda);
        }
    }

    private EngineSession openOnCudaOrCpu(byte[] model, String modelId) throws OrtException {
        if (!cudaUnusable) {
            try {
                return new EngineSession(environment, create(model, true), CUDA);
            } catch (OrtException onCuda) {
                // One line per process: every later session goes straight to CPU.
                cudaUnusable = true;
                log.info(
                        "CUDA is not usable ({}, first seen on {}); every model runs on CPU",
                        firstLine(onCuda.getMessage()),
                        modelId);
            }
        }
        return new EngineSession(environment, create(model, false), CPU);
    }

    private OrtSession create(byte[] model, boolean cuda) throws OrtException {
        try (SessionOptions options = options()) {
            if (cuda) {
                options.addCUDA(0);
            }
            return environment.createSession(model, options);
        }
    }

    /** True in {@code auto} mode once CUDA failed: the one fallback line has been logged, CPU is used from now on. */
    boolean fellBackToCpu() {
        return cudaUnusable;
    }

    private SessionOptions options() throws OrtException {
        SessionOptions options = new SessionOptions();
        options.setOptimizationLevel(OptLevel.ALL_OPT);
        if (intraOpThreads > 0) {
            options.setIntraOpNumThreads(intraOpThreads);
        }
        if (!spinning) {
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
        }
        if (interOpThreads > 0) {
            // ONNX Runtime uses inter-op threads only in parallel execution mode.
            options.setExecutionMode(ExecutionMode.PARALLEL);
            options.setInterOpNumThreads(interOpThreads);
        }
        return options;
    }

    private static void probeCuda() {
        try (SessionOptions options = new SessionOptions()) {
            options.addCUDA(0);
        } catch (OrtException e) {
            throw new CudaUnavailableException(firstLine(e.getMessage()), e);
        }
    }

    private static String threadsLabel(int threads) {
        return threads == 0 ? "default" : Integer.toString(threads);
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
