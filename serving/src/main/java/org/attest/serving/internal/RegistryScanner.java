package org.attest.serving.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Finds {@code models/<name>/<version>/model.yaml}: first the versions shipped on the classpath, then those of the
 * external registry directory. Name and version come from the path, so that even a manifest that cannot be read is
 * reported under the version it was meant to be.
 */
final class RegistryScanner {

    static final String MANIFEST = "model.yaml";
    static final String CLASSPATH_PATTERN = "classpath*:models/*/*/" + MANIFEST;

    private static final Logger log = LoggerFactory.getLogger(RegistryScanner.class);

    private final ResourcePatternResolver resources;

    RegistryScanner(ResourcePatternResolver resources) {
        this.resources = resources;
    }

    /**
     * A manifest found.
     *
     * @param name the model name, from the path
     * @param version the version, from the path
     * @param location a Spring resource location to read it from ({@code classpath:...} or {@code file:...})
     */
    record Found(String name, String version, String location) {

        String id() {
            return name + ":" + version;
        }
    }

    List<Found> scan(@Nullable Path registryDir) {
        List<Found> found = new ArrayList<>(shipped());
        if (registryDir != null) {
            found.addAll(external(registryDir));
        }
        return found;
    }

    private List<Found> shipped() {
        List<Found> found = new ArrayList<>();
        try {
            for (Resource resource : resources.getResources(CLASSPATH_PATTERN)) {
                String[] parts = resource.getURL().toString().split("/");
                String name = parts[parts.length - 3];
                String version = parts[parts.length - 2];
                found.add(new Found(name, version, "classpath:models/" + name + "/" + version + "/" + MANIFEST));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the classpath cannot be searched for model manifests", e);
        }
        return found;
    }

    private static List<Found> external(Path directory) {
        if (!Files.isDirectory(directory)) {
            log.error("Model registry directory {} does not exist: only the shipped models are served", directory);
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> manifests = Files.find(
                directory, 3, (path, attributes) -> attributes.isRegularFile() && isManifest(directory, path))) {
            manifests.sorted().forEach(path -> {
                Path relative = directory.relativize(path);
                found.add(new Found(
                        relative.getName(0).toString(),
                        relative.getName(1).toString(),
                        path.toAbsolutePath().toUri().toString()));
            });
        } catch (IOException e) {
            log.error(
                    "Model registry directory {} cannot be read: {}",
                    directory,
                    e.getClass().getName());
        }
        return found;
    }

    private static boolean isManifest(Path directory, Path path) {
        Path relative = directory.relativize(path);
        return relative.getNameCount() == 3 && relative.getFileName().toString().equals(MANIFEST);
    }
}
