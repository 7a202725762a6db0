package org.attest.api.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;

/**
 * An external registry directory ({@code attest.serving.registry-dir}) under {@code target/}, with versions of the
 * shipped summarizer: each a copy of its manifest (the artifacts stay on the classpath) and of its card.
 */
final class ExternalRegistry {

    static final String MODEL = "clinical-summarizer-extractive";
    static final String SHIPPED_SHA = "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e";

    private final Path directory;

    ExternalRegistry() {
        this.directory =
                Path.of("target", "test-registry", UUID.randomUUID().toString()).toAbsolutePath();
    }

    Path directory() {
        return directory;
    }

    /** A good copy of the shipped version under another version number. */
    ExternalRegistry withCopy(String version) {
        return with(version, shipped("models/" + MODEL + "/1/model.yaml"));
    }

    /**
     * The shipped version as model {@code name} of kind {@code kserve-v2-extractive-summarizer}: its encoder runs on
     * the remote KServe v2 server configured under {@code attest.serving.kserve.endpoints.<name>}.
     */
    ExternalRegistry withRemote(String name, String version) {
        String kind = "kind: kserve-v2-extractive-summarizer";
        String manifest = shipped("models/" + MODEL + "/1/model.yaml")
                .replace("name: " + MODEL, "name: " + name)
                .replace("kind: extractive-summarizer", kind);
        String card =
                card(version).replace("model: " + MODEL, "model: " + name).replace("kind: extractive-summarizer", kind);
        return with(name, version, manifest, card);
    }

    /** A copy whose manifest expects another encoder hash: refused at validation. */
    ExternalRegistry withWrongHash(String version) {
        return with(version, shipped("models/" + MODEL + "/1/model.yaml").replace(SHIPPED_SHA, "ab".repeat(32)));
    }

    private ExternalRegistry with(String version, String manifest) {
        return with(MODEL, version, manifest, card(version));
    }

    private ExternalRegistry with(String model, String version, String manifest, String card) {
        try {
            Path folder = Files.createDirectories(directory.resolve(model).resolve(version));
            Files.writeString(
                    folder.resolve("model.yaml"),
                    manifest.replace("version: \"1\"", "version: \"" + version + "\"")
                            .replaceAll("(?m)^card:.*$", "card: card.md"));
            Files.writeString(folder.resolve("card.md"), card);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String card(String version) {
        return shipped("model-cards/" + MODEL + "/1.md").replace("version: \"1\"", "version: \"" + version + "\"");
    }

    static String cardSha256(String version) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(card(version).getBytes(StandardCharsets.UTF_8)));
    }

    private static String shipped(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
