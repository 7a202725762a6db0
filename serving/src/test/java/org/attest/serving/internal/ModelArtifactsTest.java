package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;
import org.attest.serving.internal.ModelManifest.Artifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class ModelArtifactsTest {

    private final ModelArtifacts artifacts = new ModelArtifacts(new DefaultResourceLoader());

    @TempDir
    Path folder;

    private LocatedManifest shippedManifestIn(Path dir) throws IOException, ModelLoadException {
        Path manifest = dir.resolve("model.yaml");
        Files.writeString(manifest, ModelManifestTest.shippedManifest());
        return artifacts.manifest(manifest.toUri().toString());
    }

    @Test
    void readsAFileNextToTheManifestWhenItsSha256Matches() throws IOException, ModelLoadException {
        byte[] weights = "not really weights".getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve("weights.bin"), weights);
        LocatedManifest manifest = shippedManifestIn(folder);

        byte[] read = artifacts.readVerified(manifest, new Artifact("weights.bin", ModelArtifacts.sha256(weights)));

        assertThat(read).isEqualTo(weights);
    }

    @Test
    void refusesAFileWhoseSha256Differs() throws IOException, ModelLoadException {
        Files.writeString(folder.resolve("weights.bin"), "tampered");
        LocatedManifest manifest = shippedManifestIn(folder);
        String expected = "0".repeat(64);

        assertThatThrownBy(() -> artifacts.readVerified(manifest, new Artifact("weights.bin", expected)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("weights.bin")
                .hasMessageContaining("SHA-256")
                .hasMessageContaining(expected);
    }

    @Test
    void reportsAMissingFileOrManifest() throws IOException, ModelLoadException {
        LocatedManifest manifest = shippedManifestIn(folder);

        assertThatThrownBy(() -> artifacts.readVerified(manifest, new Artifact("missing.onnx", "0".repeat(64))))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("artifact missing.onnx of ")
                .hasMessageEndingWith(" cannot be read");
        assertThatThrownBy(() -> artifacts.manifest("classpath:models/none/model.yaml"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("manifest classpath:models/none/model.yaml cannot be read");
    }

    @Test
    void hashesLikeSha256sum() {
        assertThat(ModelArtifacts.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
