package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attest.serving.AliasTarget;
import org.attest.serving.ModelState;
import org.attest.serving.ModelStatus;
import org.attest.serving.ModelVersion;
import org.attest.serving.SummaryDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summarizer on the {@code summarizer} alias: served by the alias target, degraded when it cannot be. */
class SummarizerModelTest {

    private static final ModelVersion PLACEHOLDER = new ModelVersion("unknown", "0", VersionEntry.NO_ARTIFACT, 1.0);

    @TempDir
    Path folder;

    TestRegistry fixture;
    VersionedModelRegistry registry;

    @BeforeEach
    void fixture() {
        fixture = new TestRegistry(folder);
    }

    @AfterEach
    void close() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void summarizesWithTheShippedModelOnCpu() {
        OnnxRuntimeEngineTest.assumeCpuBuild();
        registry = fixture.started(ServingProperties.defaults());
        SummarizerModel summarizer = new SummarizerModel(registry);

        ModelStatus status = summarizer.status();
        assertThat(status.alias()).isEqualTo("summarizer");
        assertThat(status.state()).isEqualTo(ModelState.READY);
        assertThat(status.device()).isEqualTo("cpu");
        assertThat(status.failureReason()).isNull();
        assertThat(status.version().id()).isEqualTo("clinical-summarizer-extractive:1");
        assertThat(status.version().artifactSha256()).isEqualTo(TestRegistry.SHIPPED_SHA);
        assertThat(status.version().confidenceThreshold()).isEqualTo(0.5);
        assertThat(status.version().cardSha256()).matches("[0-9a-f]{64}");

        SummaryDraft draft = summarizer.summarize(TestNotes.CLINIC_NOTE);
        assertThat(draft.degraded()).isFalse();
        assertThat(draft.model()).isEqualTo(status.version());
        assertThat(draft.confidence()).isGreaterThan(status.version().confidenceThreshold());
        assertThat(draft.outOfDistribution()).isFalse();
        SummaryDraft offTopic = summarizer.summarize(TestNotes.RECIPE);
        assertThat(offTopic.outOfDistribution()).isTrue();
        assertThat(offTopic.confidence()).isLessThan(status.version().confidenceThreshold());

        registry.close();
        assertThat(summarizer.status().state()).isEqualTo(ModelState.FAILED);
        assertThat(summarizer.summarize(TestNotes.CLINIC_NOTE).degraded()).isTrue();
    }

    @Test
    void aTargetWithAWrongSha256DegradesPredictionsButRecordsTheDeclaredArtifact() throws IOException {
        String wrong = "ab".repeat(32);
        Path v2 = fixture.addVersion("2");
        Files.writeString(
                v2.resolve("model.yaml"),
                Files.readString(v2.resolve("model.yaml")).replace(TestRegistry.SHIPPED_SHA, wrong));
        registry = fixture.started(
                ServingProperties.defaults().withAlias("summarizer", "clinical-summarizer-extractive:2"));
        SummarizerModel summarizer = new SummarizerModel(registry);

        ModelStatus status = summarizer.status();
        assertThat(status.state()).isEqualTo(ModelState.FAILED);
        assertThat(status.failureReason()).contains("SHA-256", "all-minilm-l6-v2.onnx", wrong);
        assertThat(status.device()).isNull();
        assertThat(status.version().id()).isEqualTo("clinical-summarizer-extractive:2");
        assertThat(status.version().artifactSha256()).isEqualTo(wrong);

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
    void aManifestWithAnotherPoolingFailsAtLoad() throws IOException {
        Path v2 = fixture.addVersion("2");
        Files.writeString(
                v2.resolve("model.yaml"),
                Files.readString(v2.resolve("model.yaml")).replace("pooling: mean", "pooling: cls"));
        registry = fixture.started(ServingProperties.defaults());

        registry.retarget(new AliasTarget("summarizer", "clinical-summarizer-extractive", "2"));

        SummarizerModel summarizer = new SummarizerModel(registry);
        assertThat(summarizer.status().state()).isEqualTo(ModelState.FAILED);
        assertThat(summarizer.status().failureReason()).contains("pooling 'cls'");
        assertThat(summarizer.summarize("HPI\nA cough.").text()).isEqualTo("A cough.");
    }

    @Test
    void aDeclaredInputTheEncoderLacksFailsAtLoad() throws IOException {
        Path v2 = fixture.addVersion("2");
        Files.writeString(
                v2.resolve("model.yaml"),
                Files.readString(v2.resolve("model.yaml"))
                        .replace("inputs: [input_ids,", "inputs: [pixel_values, input_ids,"));
        registry = fixture.started(
                ServingProperties.defaults().withAlias("summarizer", "clinical-summarizer-extractive:2"));

        assertThat(registry.status("summarizer").failureReason()).contains("declares input 'pixel_values'");
    }

    @Test
    void rejectsBlankTextWithoutQuotingIt() {
        SummarizerModel summarizer = new SummarizerModel(fixture.registry(ServingProperties.defaults()));

        assertThatThrownBy(() -> summarizer.summarize(" \n\t "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text to summarize must not be blank");
    }

    @Test
    void aRegistryThatHasNotStartedAnswersDegraded() {
        SummarizerModel summarizer = new SummarizerModel(fixture.registry(ServingProperties.defaults()));

        assertThat(summarizer.summarize("HPI\nA cough.").degraded()).isTrue();
        assertThat(summarizer.status().failureReason()).isEqualTo("alias not set");
    }

    @Test
    void degradedDraftsQuoteAtMostThreeUnitsAndSkipHeaders() {
        SummaryDraft draft =
                SummarizerModel.degraded("PLAN\n- Rest.\n- Fluids.\n- Paracetamol.\n- Return if worse.", PLACEHOLDER);

        assertThat(draft.text()).isEqualTo("- Rest.\n- Fluids.\n- Paracetamol.");
        assertThat(SummarizerModel.degraded("PLAN", PLACEHOLDER).text()).isEqualTo("PLAN");
    }

    @Test
    void anAliasOnASeq2SeqVersionSummarizesWithTheGeneratedText() throws Exception {
        Path version = folder.resolve("test-seq2seq").resolve("1");
        Seq2SeqModelLoaderTest.writeExport(version, Seq2SeqModelLoaderTest.GENERATION_CONFIG);
        Files.writeString(version.resolve("card.md"), """
                ---
                model: test-seq2seq
                version: "1"
                kind: seq2seq
                intended-use: test fixture
                out-of-scope: [everything]
                license: test
                evaluation: {command: none, metrics: {fixture: 1}}
                confidence-threshold: 0.5
                ---
                # test-seq2seq
                """);
        registry = fixture.started(ServingProperties.defaults().withAlias("summarizer", "test-seq2seq:1"));
        SummarizerModel summarizer = new SummarizerModel(registry);

        SummaryDraft draft = summarizer.summarize("chest pain");

        assertThat(draft.degraded()).isFalse();
        assertThat(draft.model().id()).isEqualTo("test-seq2seq:1");
        assertThat(draft.text()).isEqualTo("chest fever");
        assertThat(draft.confidence()).isGreaterThan(0).isLessThanOrEqualTo(1);
    }
}
