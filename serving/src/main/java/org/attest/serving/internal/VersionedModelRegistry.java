package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.attest.serving.AliasTarget;
import org.attest.serving.ModelCard;
import org.attest.serving.ModelNotServableException;
import org.attest.serving.ModelRegistry;
import org.attest.serving.ModelState;
import org.attest.serving.ModelStatus;
import org.attest.serving.ModelVersion;
import org.attest.serving.RegisteredVersion;
import org.attest.serving.UnknownModelException;
import org.attest.serving.internal.RegistryScanner.Found;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry: finds every version at startup, validates it, loads the versions the aliases point at, and lends the
 * loaded model of an alias's target to one request at a time ({@link #lease}). Versions no alias points at are
 * validated (files hashed) but not loaded, and unloaded when an alias moves away from them.
 */
final class VersionedModelRegistry implements ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(VersionedModelRegistry.class);
    private static final int LEASE_ATTEMPTS = 3;

    private final RegistryScanner scanner;
    private final VersionValidation validation;
    private final Map<String, ModelLoader> loaders;
    private final ServingProperties properties;
    private final Map<String, VersionEntry> versions = new ConcurrentHashMap<>();
    private final Map<String, AliasTarget> aliases = new ConcurrentHashMap<>();

    VersionedModelRegistry(
            RegistryScanner scanner,
            ModelArtifacts artifacts,
            List<ModelLoader> loaders,
            ServingProperties properties) {
        this.scanner = scanner;
        Map<String, ModelLoader> byKind = new LinkedHashMap<>();
        loaders.forEach(loader -> byKind.put(loader.kind(), loader));
        this.loaders = Map.copyOf(byKind);
        this.validation = new VersionValidation(artifacts, this.loaders);
        this.properties = properties;
    }

    /**
     * Finds and validates every version, then points each configured alias at its target, loading it.
     *
     * @throws CudaUnavailableException when {@code device=cuda} and a model cannot run on CUDA
     */
    @PostConstruct
    synchronized void start() {
        if (!versions.isEmpty()) {
            throw new IllegalStateException("the registry starts once");
        }
        Set<String> targets = new HashSet<>(properties.aliases().values());
        for (Found found : scanner.scan(properties.registryPath())) {
            if (versions.containsKey(found.id())) {
                log.error(
                        "Model version {} at {} refused: {} is already registered from {}",
                        found.id(),
                        found.location(),
                        found.id(),
                        versions.get(found.id()).source());
                continue;
            }
            VersionEntry entry = new VersionEntry(found.name(), found.version(), found.location());
            versions.put(found.id(), entry);
            validation.validate(found, entry, !targets.contains(found.id()));
            if (entry.state() == ModelState.FAILED) {
                log.error("Model version {} refused: {}", found.id(), entry.failureReason());
            }
        }
        properties.aliases().forEach((alias, target) -> retarget(AliasTarget.parse(alias, target)));
    }

    @Override
    public List<RegisteredVersion> versions() {
        return versions.values().stream()
                .sorted(Comparator.comparing(VersionEntry::id))
                .map(this::describe)
                .toList();
    }

    @Override
    public List<RegisteredVersion> versions(String model) {
        return versions().stream().filter(v -> v.name().equals(model)).toList();
    }

    @Override
    public Optional<RegisteredVersion> version(String model, String version) {
        return Optional.ofNullable(versions.get(model + ":" + version)).map(this::describe);
    }

    @Override
    public List<AliasTarget> aliases() {
        return aliases.values().stream()
                .sorted(Comparator.comparing(AliasTarget::alias))
                .toList();
    }

    @Override
    public Optional<AliasTarget> alias(String alias) {
        return Optional.ofNullable(aliases.get(alias));
    }

    @Override
    public Optional<ModelCard> card(String model, String version) {
        return Optional.ofNullable(versions.get(model + ":" + version)).map(VersionEntry::card);
    }

    @Override
    public RegisteredVersion prepare(String model, String version) {
        VersionEntry entry = versions.get(model + ":" + version);
        if (entry == null) {
            throw new UnknownModelException(model + ":" + version);
        }
        load(entry);
        if (entry.state() != ModelState.READY) {
            throw new ModelNotServableException(entry.id() + " is FAILED: " + entry.failureReason());
        }
        return describe(entry);
    }

    @Override
    public synchronized void retarget(AliasTarget target) {
        VersionEntry entry = versions.get(target.targetId());
        if (entry == null) {
            log.error(
                    "Alias '{}' -> {}, which is not in the registry: predictions are degraded",
                    target.alias(),
                    target.targetId());
        } else {
            load(entry);
        }
        AliasTarget previous = aliases.put(target.alias(), target);
        if (previous != null && !previous.targetId().equals(target.targetId())) {
            log.info("Alias '{}' moved from {} to {}", target.alias(), previous.targetId(), target.targetId());
            unloadIfUnused(previous.targetId());
        }
    }

    /** The status of an alias's target, for readiness and the summarizer. */
    ModelStatus status(String alias) {
        AliasTarget target = aliases.get(alias);
        if (target == null) {
            return new ModelStatus(alias, placeholder("unknown", "0"), ModelState.FAILED, "alias not set", null);
        }
        VersionEntry entry = versions.get(target.targetId());
        if (entry == null) {
            return new ModelStatus(
                    alias,
                    placeholder(target.model(), target.version()),
                    ModelState.FAILED,
                    target.targetId() + " is not in the registry",
                    null);
        }
        LoadedInstance loaded = entry.loaded();
        return new ModelStatus(
                alias,
                entry.modelVersion(),
                entry.state(),
                entry.failureReason(),
                loaded == null ? null : loaded.device());
    }

    /**
     * Lends the alias's target to one request; close the lease when the request is done. When the target is not
     * READY the lease carries no model and the request answers degraded.
     */
    ModelLease lease(String alias) {
        for (int attempt = 0; attempt < LEASE_ATTEMPTS; attempt++) {
            ModelStatus status = status(alias);
            AliasTarget target = aliases.get(alias);
            VersionEntry entry = target == null ? null : versions.get(target.targetId());
            LoadedInstance instance = entry == null ? null : entry.loaded();
            if (status.state() != ModelState.READY || instance == null) {
                return ModelLease.degraded(status);
            }
            LoadedModel model = instance.acquire();
            if (model != null) {
                return new ModelLease(status, model, instance);
            }
            // retired between reading the alias and acquiring: the alias has moved, read it again
        }
        return ModelLease.degraded(status(alias));
    }

    /** Unloads every version; requests in flight finish first. */
    @PreDestroy
    synchronized void close() {
        aliases.clear();
        versions.values().forEach(entry -> {
            if (entry.state() == ModelState.READY) {
                entry.unload().retire();
            }
        });
    }

    private void load(VersionEntry entry) {
        synchronized (entry) {
            if (entry.state() != ModelState.PENDING) {
                return;
            }
            var located = entry.manifest();
            ModelLoader loader =
                    located == null ? null : loaders.get(located.manifest().kind());
            if (located == null || loader == null || entry.card() == null) {
                entry.fail("not validated");
                return;
            }
            long started = System.nanoTime();
            try {
                LoadedModel model = loader.load(located);
                warmUp(model, entry);
                entry.ready(new LoadedInstance(model, entry.id()));
                log.info(
                        "Model version {} READY on {} in {} ms",
                        entry.id(),
                        model.device(),
                        (System.nanoTime() - started) / 1_000_000);
            } catch (CudaUnavailableException e) {
                throw e;
            } catch (ModelLoadException | OrtException | RuntimeException e) {
                String reason = e instanceof ModelLoadException ? e.getMessage() : "cannot load: " + e;
                entry.fail(reason);
                log.error("Model version {} FAILED: {}", entry.id(), reason);
            }
        }
    }

    private void warmUp(LoadedModel model, VersionEntry entry) throws OrtException {
        if (!properties.warmUp()) {
            return;
        }
        try {
            model.warmUp();
        } catch (OrtException | RuntimeException e) {
            model.close();
            throw e;
        }
        log.debug("Model version {} warmed up", entry.id());
    }

    private void unloadIfUnused(String id) {
        boolean used = aliases.values().stream().anyMatch(a -> a.targetId().equals(id));
        VersionEntry entry = versions.get(id);
        if (!used && entry != null && entry.state() == ModelState.READY) {
            entry.unload().retire();
        }
    }

    private RegisteredVersion describe(VersionEntry entry) {
        List<String> pointing = new ArrayList<>();
        aliases.values().stream()
                .filter(a -> a.targetId().equals(entry.id()))
                .map(AliasTarget::alias)
                .sorted()
                .forEach(pointing::add);
        return entry.describe(pointing);
    }

    private static ModelVersion placeholder(String name, String version) {
        return new ModelVersion(name, version, VersionEntry.NO_ARTIFACT, 1.0, null);
    }

    /** For tests: the instance an alias's target is loaded in, if any. */
    @Nullable
    LoadedInstance loadedInstance(String model, String version) {
        VersionEntry entry = versions.get(model + ":" + version);
        return entry == null ? null : entry.loaded();
    }
}
