package org.attest.serving.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attest.serving.internal.ServingProperties.Device;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * An external registry directory in a test's temporary folder, with versions made from the shipped manifest and card
 * (their artifacts stay on the classpath), and a registry that reads it, on CPU.
 */
final class TestRegistry {

    static final String SHIPPED_CARD = "model-cards/clinical-summarizer-extractive/1.md";
    static final String SHIPPED_SHA = "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e";
    static final String MODEL = "clinical-summarizer-extractive";

    private final Path directory;

    TestRegistry(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    static String shippedCard() throws IOException {
        return new ClassPathResource(SHIPPED_CARD).getContentAsString(StandardCharsets.UTF_8);
    }

    /** Adds version {@code version} of the shipped model, with its own copy of the card next to the manifest. */
    Path addVersion(String version) throws IOException {
        String manifest = ModelManifestTest.shippedManifest()
                .replace("version: \"1\"", "version: \"" + version + "\"")
                .replaceAll("(?m)^card:.*$", "card: card.md");
        String card = shippedCard().replace("version: \"1\"", "version: \"" + version + "\"");
        return write(MODEL, version, manifest, card);
    }

    /** Writes a version as given; a null card writes none. */
    Path write(String model, String version, String manifest, String card) throws IOException {
        Path folder = Files.createDirectories(directory.resolve(model).resolve(version));
        Files.writeString(folder.resolve("model.yaml"), manifest);
        if (card != null) {
            Files.writeString(folder.resolve("card.md"), card);
        }
        return folder;
    }

    /** A registry on CPU over the shipped models and this directory; not started. */
    VersionedModelRegistry registry(ServingProperties properties) {
        ServingProperties onCpu = properties.withDevice(Device.CPU).withRegistryDir(directory);
        DefaultResourceLoader resources = new DefaultResourceLoader();
        ModelArtifacts artifacts = new ModelArtifacts(resources);
        OnnxRuntimeEngine engine = new OnnxRuntimeEngine(onCpu);
        return new VersionedModelRegistry(
                new RegistryScanner(new PathMatchingResourcePatternResolver(resources)),
                artifacts,
                java.util.List.of(
                        new ExtractiveSummarizerLoader(engine, artifacts),
                        new TokenClassificationLoader(engine, artifacts),
                        new Seq2SeqModelLoader(engine, artifacts)),
                onCpu);
    }

    VersionedModelRegistry started(ServingProperties properties) {
        VersionedModelRegistry registry = registry(properties);
        registry.start();
        return registry;
    }
}
