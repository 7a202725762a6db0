package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.util.List;
import org.attest.serving.EntitySpan;
import org.attest.serving.ModelState;
import org.attest.serving.internal.ServingProperties.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The {@code phi-ner} alias through the registry: READY on a valid export, no answers when its target is missing. */
class PhiNerModelTest {

    private static final List<String> LABELS = List.of("O", "B-PATIENT", "I-PATIENT", "B-CITY", "I-CITY");

    private static VersionedModelRegistry registry(Path directory, String target) {
        ServingProperties properties = ServingProperties.defaults()
                .withDevice(Device.CPU)
                .withRegistryDir(directory)
                .withAlias(PhiNerModel.ALIAS, target);
        DefaultResourceLoader resources = new DefaultResourceLoader();
        ModelArtifacts artifacts = new ModelArtifacts(resources);
        OnnxRuntimeEngine engine = new OnnxRuntimeEngine(properties);
        VersionedModelRegistry registry = new VersionedModelRegistry(
                new RegistryScanner(new PathMatchingResourcePatternResolver(resources)),
                artifacts,
                List.of(
                        new ExtractiveSummarizerLoader(engine, artifacts),
                        new TokenClassificationLoader(engine, artifacts)),
                properties);
        registry.start();
        return registry;
    }

    @Test
    void servesAValidExportFromTheRegistry(@TempDir Path dir) throws Exception {
        TokenClassificationLoaderTest.write(dir.resolve("lookup-ner/1"), "token-classification", 64, 16, LABELS);
        PhiNerModel model = new PhiNerModel(registry(dir, "lookup-ner:1"));

        assertThat(model.status().state()).isEqualTo(ModelState.READY);
        assertThat(model.status().version().id()).isEqualTo("lookup-ner:1");
        assertThat(model.classify(List.of("Omar in Boston")).getFirst())
                .extracting(EntitySpan::label)
                .containsExactly("PATIENT", "CITY");
    }

    @Test
    void aMissingTargetIsNotReadyAndRefusesToClassify(@TempDir Path dir) {
        PhiNerModel model = new PhiNerModel(registry(dir, "no-such-model:1"));

        assertThat(model.status().state()).isEqualTo(ModelState.FAILED);
        assertThatIllegalStateException()
                .isThrownBy(() -> model.classify(List.of("Omar")))
                .withMessageContaining("not ready");
    }
}
