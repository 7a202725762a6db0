package org.attest.serving.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the serving engine ({@code attest.serving}).
 *
 * @param device where ONNX Runtime runs: {@code auto} (CUDA when it can be used, else CPU), {@code cuda} (refuse to
 *     start without it) or {@code cpu}
 * @param intraOpThreads threads used inside one operator; 0 leaves ONNX Runtime's default (one per physical core)
 * @param interOpThreads threads used to run independent operators in parallel; 0 leaves the default (sequential)
 * @param summarizer the model behind the {@code summarizer} alias
 */
@Validated
@ConfigurationProperties("attest.serving")
record ServingProperties(
        @DefaultValue("auto") @NotNull Device device,
        @DefaultValue("0") @Min(0) int intraOpThreads,
        @DefaultValue("0") @Min(0) int interOpThreads,
        @DefaultValue @NotNull @Valid SummarizerSettings summarizer) {

    static final String DEFAULT_SUMMARIZER_MANIFEST = "classpath:models/clinical-summarizer-extractive/1/model.yaml";

    /** The defaults, for use outside a Spring context. */
    static ServingProperties defaults() {
        return new ServingProperties(Device.AUTO, 0, 0, new SummarizerSettings(DEFAULT_SUMMARIZER_MANIFEST));
    }

    /** A copy that runs on another device. */
    ServingProperties withDevice(Device other) {
        return new ServingProperties(other, intraOpThreads, interOpThreads, summarizer);
    }

    /** A copy whose summarizer comes from another manifest. */
    ServingProperties withSummarizerManifest(String location) {
        return new ServingProperties(device, intraOpThreads, interOpThreads, new SummarizerSettings(location));
    }

    /** Where a session runs. */
    enum Device {
        AUTO,
        CUDA,
        CPU
    }

    /**
     * The summarizer's settings.
     *
     * @param manifest a Spring resource location ({@code classpath:...}, {@code file:...}) of the model's
     *     {@code model.yaml}
     */
    record SummarizerSettings(
            @DefaultValue(DEFAULT_SUMMARIZER_MANIFEST) @NotBlank
            String manifest) {}
}
