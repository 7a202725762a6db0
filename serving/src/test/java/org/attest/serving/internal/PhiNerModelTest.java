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

/** The {@code phi-ner} alias: READY on a valid export, FAILED with a PHI-free reason (and no answers) otherwise. */
class PhiNerModelTest {

    private static final OnnxRuntimeEngine ENGINE =
            new OnnxRuntimeEngine(ServingProperties.defaults().withDevice(Device.CPU));

    private static PhiNerModel model(String manifest) {
        PhiNerModel model = new PhiNerModel(
                ENGINE, new ModelArtifacts(new DefaultResourceLoader()), new TokenClassifierProperties(manifest));
        model.load();
        return model;
    }

    @Test
    void servesAValidExport(@TempDir Path dir) throws Exception {
        Path manifest = TokenClassificationLoaderTest.write(
                dir, "token-classification", 64, 16, List.of("O", "B-PATIENT", "I-PATIENT", "B-CITY", "I-CITY"));
        try (PhiNerModel model = model(manifest.toUri().toString())) {
            assertThat(model.status().state()).isEqualTo(ModelState.READY);
            assertThat(model.status().version().id()).isEqualTo("lookup-ner:1");
            assertThat(model.classify(List.of("Omar in Boston")).getFirst())
                    .extracting(EntitySpan::label)
                    .containsExactly("PATIENT", "CITY");
        }
    }

    @Test
    void aMissingModelFailsWithAReasonAndRefusesToClassify() throws Exception {
        try (PhiNerModel model = model("classpath:models/no-such-model/1/model.yaml")) {
            assertThat(model.status().state()).isEqualTo(ModelState.FAILED);
            assertThat(model.status().failureReason()).contains("cannot be read");
            assertThatIllegalStateException()
                    .isThrownBy(() -> model.classify(List.of("Omar")))
                    .withMessageContaining("not ready");
        }
    }
}
