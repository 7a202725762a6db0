package org.attest.serving.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.attest.serving.AliasTarget;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the serving engine ({@code attest.serving}).
 *
 * @param device where ONNX Runtime runs: {@code auto} (CUDA when it can be used, else CPU), {@code cuda} (refuse to
 *     start without it) or {@code cpu}
 * @param intraOpThreads threads used inside one operator; 1 (the default) keeps each model call on one core, so that
 *     concurrent calls ({@code attest.serving.batching.instances}) share the cores without contending for them; 0
 *     leaves ONNX Runtime's default (one per physical core), which gives a lone request lower latency
 * @param interOpThreads threads used to run independent operators in parallel; 0 leaves the default (sequential)
 * @param spinning whether ONNX Runtime's pool threads busy-wait for the next piece of work (ONNX Runtime's default);
 *     off (the default here), an idle pool thread sleeps and leaves the core to the other sessions and requests
 * @param registryDir a file-system directory laid out as {@code <name>/<version>/model.yaml} whose versions are added
 *     to the shipped ones (a mounted volume in Kubernetes), or null; a text, since Spring would resolve a {@code Path}
 *     such as {@code /models} against the classpath
 * @param aliases the target ({@code name:version}) of each alias on first start, before one is stored; merged over
 *     {@link #DEFAULT_ALIASES}
 * @param warmUp whether each version runs one fixed input when it loads
 */
@Validated
@ConfigurationProperties("attest.serving")
record ServingProperties(
        @DefaultValue("auto") @NotNull Device device,
        @DefaultValue("1") @Min(0) int intraOpThreads,
        @DefaultValue("0") @Min(0) int interOpThreads,
        @DefaultValue("false") boolean spinning,
        @Nullable String registryDir,
        @Nullable Map<String, String> aliases,
        @DefaultValue("true") boolean warmUp) {

    /** The aliases every installation has, and the shipped versions they start on. */
    static final Map<String, String> DEFAULT_ALIASES = Map.of("summarizer", "clinical-summarizer-extractive:1");

    ServingProperties {
        Map<String, String> merged = new LinkedHashMap<>(DEFAULT_ALIASES);
        if (aliases != null) {
            merged.putAll(aliases);
        }
        merged.forEach(AliasTarget::parse);
        aliases = Map.copyOf(merged);
    }

    /** The defaults, for use outside a Spring context. */
    static ServingProperties defaults() {
        return new ServingProperties(Device.AUTO, 1, 0, false, null, null, true);
    }

    /** A copy that runs on another device. */
    ServingProperties withDevice(Device other) {
        return new ServingProperties(other, intraOpThreads, interOpThreads, spinning, registryDir, aliases, warmUp);
    }

    /** A copy with other ONNX Runtime thread settings (counts of 0: ONNX Runtime's default). */
    ServingProperties withThreads(int intraOp, int interOp, boolean spin) {
        return new ServingProperties(device, intraOp, interOp, spin, registryDir, aliases, warmUp);
    }

    /** A copy that also reads versions from a directory. */
    ServingProperties withRegistryDir(Path directory) {
        return new ServingProperties(
                device, intraOpThreads, interOpThreads, spinning, directory.toString(), aliases, warmUp);
    }

    /** The external registry directory, if one is configured. */
    @Nullable
    Path registryPath() {
        return registryDir == null || registryDir.isBlank() ? null : Path.of(registryDir);
    }

    /** A copy where one alias starts on another target. */
    ServingProperties withAlias(String alias, String target) {
        Map<String, String> changed = new LinkedHashMap<>(aliases());
        changed.put(alias, target);
        return new ServingProperties(device, intraOpThreads, interOpThreads, spinning, registryDir, changed, warmUp);
    }

    @Override
    public Map<String, String> aliases() {
        // the compact constructor replaced null with the merged defaults
        return java.util.Objects.requireNonNull(aliases);
    }

    /** Where a session runs. */
    enum Device {
        AUTO,
        CUDA,
        CPU
    }
}
