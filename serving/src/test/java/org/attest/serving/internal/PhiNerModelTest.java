package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attest.serving.EntitySpan;
import org.attest.serving.ModelState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code phi-ner} alias through the registry: READY on a valid export with its card, FAILED with a PHI-free reason
 * (and no answers) otherwise.
 */
class PhiNerModelTest {

    private static final String CARD = """
            ---
            model: lookup-ner
            version: "1"
            kind: token-classification
            intended-use: test fixture
            out-of-scope: [everything]
            license: test
            evaluation: {command: none, metrics: {fixture: 1}}
            confidence-threshold: 0.5
            ---
            # lookup-ner
            """;

    @TempDir
    Path folder;

    private VersionedModelRegistry registry;

    @AfterEach
    void close() {
        if (registry != null) {
            registry.close();
        }
    }

    private PhiNerModel served(String target) {
        registry = new TestRegistry(folder).started(ServingProperties.defaults().withAlias("phi-ner", target));
        return new PhiNerModel(registry);
    }

    @Test
    void servesAValidExport() throws Exception {
        Path version = folder.resolve("lookup-ner").resolve("1");
        TokenClassificationLoaderTest.write(
                version, "token-classification", 64, 16, List.of("O", "B-PATIENT", "I-PATIENT", "B-CITY", "I-CITY"));
        Files.writeString(version.resolve("card.md"), CARD);
        PhiNerModel model = served("lookup-ner:1");

        assertThat(model.status().state()).isEqualTo(ModelState.READY);
        assertThat(model.status().version().id()).isEqualTo("lookup-ner:1");
        assertThat(model.classify(List.of("Omar in Boston")).getFirst())
                .extracting(EntitySpan::label)
                .containsExactly("PATIENT", "CITY");
    }

    @Test
    void aMissingModelFailsWithAReasonAndRefusesToClassify() {
        PhiNerModel model = served("no-such-model:1");

        assertThat(model.status().state()).isEqualTo(ModelState.FAILED);
        assertThat(model.status().failureReason()).isNotBlank();
        assertThatIllegalStateException()
                .isThrownBy(() -> model.classify(List.of("Omar")))
                .withMessageContaining("not ready");
    }
}
