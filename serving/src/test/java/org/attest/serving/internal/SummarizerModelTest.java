package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attest.serving.ModelState;
import org.attest.serving.ModelStatus;
import org.attest.serving.SummaryDraft;
import org.attest.serving.internal.ServingProperties.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class SummarizerModelTest {

    private static final String SHIPPED_SHA = "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e";

    @TempDir
    Path folder;

    private static SummarizerModel summarizer(ServingProperties properties) {
        return new SummarizerModel(
                new OnnxRuntimeEngine(properties), new ModelArtifacts(new DefaultResourceLoader()), properties);
    }

    private SummarizerModel fromManifest(String yaml) throws IOException {
        Path manifest = folder.resolve("model.yaml");
        Files.writeString(manifest, yaml);
        return summarizer(ServingProperties.defaults()
                .withSummarizerManifest(manifest.toUri().toString()));
    }

    @Test
    void loadsTheShippedModelOnCpuWhenAutoFindsNoCuda() throws OrtException {
        OnnxRuntimeEngineTest.assumeCpuBuild();
        SummarizerModel summarizer = summarizer(ServingProperties.defaults());
        assertThat(summarizer.status().state()).isEqualTo(ModelState.PENDING);

        summarizer.load();

        ModelStatus status = summarizer.status();
        assertThat(status.alias()).isEqualTo("summarizer");
        assertThat(status.state()).isEqualTo(ModelState.READY);
        assertThat(status.device()).isEqualTo("cpu");
        assertThat(status.failureReason()).isNull();
        assertThat(status.version().id()).isEqualTo("clinical-summarizer-extractive:1");
        assertThat(status.version().artifactSha256()).isEqualTo(SHIPPED_SHA);
        assertThat(status.version().confidenceThreshold()).isEqualTo(0.5);

        SummaryDraft draft = summarizer.summarize(TestNotes.CLINIC_NOTE);
        assertThat(draft.degraded()).isFalse();
        assertThat(draft.model()).isEqualTo(status.version());
        assertThat(draft.confidence()).isGreaterThan(status.version().confidenceThreshold());
        assertThat(draft.outOfDistribution()).isFalse();
        SummaryDraft offTopic = summarizer.summarize(TestNotes.RECIPE);
        assertThat(offTopic.outOfDistribution()).isTrue();
        assertThat(offTopic.confidence()).isLessThan(status.version().confidenceThreshold());
        assertThatThrownBy(summarizer::load).isInstanceOf(IllegalStateException.class);

        summarizer.close();
        assertThat(summarizer.status().state()).isEqualTo(ModelState.FAILED);
        assertThat(summarizer.summarize(TestNotes.CLINIC_NOTE).degraded()).isTrue();
        summarizer.close();
    }

    @Test
    void aWrongSha256FailsTheModelAndDegradesPredictions() throws IOException {
        String wrong = "ab".repeat(32);
        SummarizerModel summarizer =
                fromManifest(ModelManifestTest.shippedManifest().replace(SHIPPED_SHA, wrong));

        summarizer.load();

        ModelStatus status = summarizer.status();
        assertThat(status.state()).isEqualTo(ModelState.FAILED);
        assertThat(status.failureReason()).contains("SHA-256", "all-minilm-l6-v2.onnx", wrong);
        assertThat(status.device()).isNull();
        assertThat(status.version().id()).isEqualTo("clinical-summarizer-extractive:1");

        SummaryDraft draft = summarizer.summarize(TestNotes.CLINIC_NOTE);
        assertThat(draft.degraded()).isTrue();
        assertThat(draft.confidence()).isZero();
        assertThat(draft.model()).isEqualTo(status.version());
        assertThat(draft.text())
                .isEqualTo("Chest pain for two days.\n" + "The patient is a 58-year-old man with "
                        + "hypertension and type 2 diabetes who presents with intermittent chest pain for two days. "
                        + "The pain is pressure-like, worse with exertion and relieved by rest.");
    }

    @Test
    void anUnreadableManifestFailsWithAPlaceholderVersion() {
        SummarizerModel summarizer =
                summarizer(ServingProperties.defaults().withSummarizerManifest("classpath:models/none/model.yaml"));

        summarizer.load();

        assertThat(summarizer.status().state()).isEqualTo(ModelState.FAILED);
        assertThat(summarizer.status().failureReason()).contains("classpath:models/none/model.yaml");
        SummaryDraft draft = summarizer.summarize("Fever.");
        assertThat(draft.model()).isEqualTo(SummarizerModel.UNKNOWN_VERSION);
        assertThat(draft.text()).isEqualTo("Fever.");
        assertThat(draft.degraded()).isTrue();
    }

    @Test
    void aManifestOfAnotherKindFails() throws IOException {
        SummarizerModel summarizer = fromManifest(
                ModelManifestTest.shippedManifest().replace("kind: extractive-summarizer", "kind: token-classifier"));

        summarizer.load();

        assertThat(summarizer.status().failureReason())
                .isEqualTo("model clinical-summarizer-extractive:1 is of kind 'token-classifier', "
                        + "expected 'extractive-summarizer'");
    }

    @Test
    void aManifestWithUnknownPoolingFails() throws IOException {
        SummarizerModel summarizer =
                fromManifest(ModelManifestTest.shippedManifest().replace("pooling: mean", "pooling: cls"));

        summarizer.load();

        assertThat(summarizer.status().state()).isEqualTo(ModelState.FAILED);
        assertThat(summarizer.status().failureReason()).contains("pooling 'cls'");
    }

    @Test
    void aPendingModelAnswersDegraded() {
        SummarizerModel summarizer = summarizer(ServingProperties.defaults());

        assertThat(summarizer.summarize("HPI\nA cough.").degraded()).isTrue();
        assertThat(summarizer.summarize("HPI\nA cough.").text()).isEqualTo("A cough.");
    }

    @Test
    void rejectsBlankTextWithoutQuotingIt() {
        SummarizerModel summarizer = summarizer(ServingProperties.defaults().withDevice(Device.CPU));

        assertThatThrownBy(() -> summarizer.summarize(" \n\t "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text to summarize must not be blank");
    }

    @Test
    void degradedDraftsQuoteAtMostThreeUnitsAndSkipHeaders() {
        SummaryDraft draft = SummarizerModel.degraded(
                "PLAN\n- Rest.\n- Fluids.\n- Paracetamol.\n- Return if worse.", SummarizerModel.UNKNOWN_VERSION);

        assertThat(draft.text()).isEqualTo("- Rest.\n- Fluids.\n- Paracetamol.");
        assertThat(SummarizerModel.degraded("PLAN", SummarizerModel.UNKNOWN_VERSION)
                        .text())
                .isEqualTo("PLAN");
    }
}
