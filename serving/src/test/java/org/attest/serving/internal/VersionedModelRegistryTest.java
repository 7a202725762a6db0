package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.attest.serving.internal.TestRegistry.MODEL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attest.serving.AliasTarget;
import org.attest.serving.ModelCard;
import org.attest.serving.ModelNotServableException;
import org.attest.serving.ModelState;
import org.attest.serving.RegisteredVersion;
import org.attest.serving.UnknownModelException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry over the shipped model and an external directory: validation, refusal reasons, states, aliases. */
class VersionedModelRegistryTest {

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

    private RegisteredVersion version(String version) {
        return registry.version(MODEL, version).orElseThrow();
    }

    @Test
    void theShippedVersionIsReadyWithItsCardAndTheSummarizerAliasPointsAtIt() {
        registry = fixture.started(ServingProperties.defaults());

        RegisteredVersion shipped = version("1");
        assertThat(shipped.state()).isEqualTo(ModelState.READY);
        assertThat(shipped.kind()).isEqualTo("extractive-summarizer");
        assertThat(shipped.device()).isEqualTo("cpu");
        assertThat(shipped.artifactSha256()).isEqualTo(TestRegistry.SHIPPED_SHA);
        assertThat(shipped.source()).isEqualTo("classpath:models/clinical-summarizer-extractive/1/model.yaml");
        assertThat(shipped.aliases()).containsExactly("summarizer");
        assertThat(registry.aliases()).containsExactly(new AliasTarget("summarizer", MODEL, "1"));

        ModelCard card = registry.card(MODEL, "1").orElseThrow();
        assertThat(card.sha256()).matches("[0-9a-f]{64}").isEqualTo(shipped.cardSha256());
        assertThat(card.confidenceThreshold()).isEqualTo(0.5);
        assertThat(card.content()).startsWith("---\nmodel: clinical-summarizer-extractive");
        assertThat(card.scope()).isNotNull();
        assertThat(registry.status("summarizer").version().cardSha256()).isEqualTo(card.sha256());
    }

    @Test
    void anExternalVersionIsValidatedButLoadsOnlyWhenAnAliasPointsAtIt() throws IOException {
        fixture.addVersion("2");
        registry = fixture.started(ServingProperties.defaults());

        RegisteredVersion added = version("2");
        assertThat(added.state()).isEqualTo(ModelState.PENDING);
        assertThat(added.failureReason()).isNull();
        assertThat(added.cardSha256()).isNotNull();
        assertThat(added.aliases()).isEmpty();
        assertThat(registry.versions(MODEL))
                .extracting(RegisteredVersion::version)
                .containsExactly("1", "2");

        registry.retarget(new AliasTarget("summarizer", MODEL, "2"));

        assertThat(version("2").state()).isEqualTo(ModelState.READY);
        assertThat(version("2").aliases()).containsExactly("summarizer");
        assertThat(version("1").state()).as("unloaded: no alias points at it").isEqualTo(ModelState.PENDING);
        assertThat(registry.status("summarizer").version().id()).isEqualTo(MODEL + ":2");
    }

    @Test
    void aFileThatDoesNotMatchItsHashIsRefusedWithItsPath() throws IOException {
        String wrong = "ab".repeat(32);
        Path v2 = fixture.addVersion("2");
        Files.writeString(
                v2.resolve("model.yaml"),
                Files.readString(v2.resolve("model.yaml")).replace(TestRegistry.SHIPPED_SHA, wrong));
        registry = fixture.started(ServingProperties.defaults());

        RegisteredVersion refused = version("2");
        assertThat(refused.state()).isEqualTo(ModelState.FAILED);
        assertThat(refused.failureReason()).contains("all-minilm-l6-v2.onnx", "SHA-256", wrong);
        assertThat(version("1").state()).isEqualTo(ModelState.READY);
        assertThatThrownBy(() -> registry.prepare(MODEL, "2"))
                .isInstanceOf(ModelNotServableException.class)
                .hasMessageContaining("FAILED");
    }

    @Test
    void anInvalidManifestIsRefusedWithItsPathAndReason() throws IOException {
        Path v3 = fixture.write(MODEL, "3", "name: [unclosed", null);
        fixture.write("other-model", "1", ModelManifestTest.shippedManifest(), null);
        registry = fixture.started(ServingProperties.defaults());

        assertThat(version("3").state()).isEqualTo(ModelState.FAILED);
        assertThat(version("3").failureReason())
                .contains(v3.resolve("model.yaml").toUri().toString(), "not valid YAML");
        assertThat(version("3").kind()).isNull();
        RegisteredVersion misplaced = registry.version("other-model", "1").orElseThrow();
        assertThat(misplaced.failureReason())
                .contains("names clinical-summarizer-extractive:1 but lies under other-model:1");
    }

    @Test
    void aVersionWithoutACardOrWithADisagreeingCardIsRefused() throws IOException {
        String manifest = ModelManifestTest.shippedManifest().replaceAll("(?m)^card:.*$", "card: card.md");
        fixture.write(MODEL, "4", manifest.replace("version: \"1\"", "version: \"4\""), null);
        String card5 = TestRegistry.shippedCard().replace("version: \"1\"", "version: \"5\"");
        fixture.write(
                MODEL,
                "5",
                manifest.replace("version: \"1\"", "version: \"5\""),
                card5.replace("confidence-threshold: 0.5", "confidence-threshold: 0.4"));
        fixture.write(
                MODEL,
                "6",
                manifest.replace("version: \"1\"", "version: \"6\""),
                card5.replace("version: \"5\"", "version: \"6\"").replaceAll("(?m)^license:.*$", ""));
        fixture.write(MODEL, "7", manifest.replace("version: \"1\"", "version: \"7\""), "# no front matter\n");
        registry = fixture.started(ServingProperties.defaults());

        assertThat(version("4").failureReason()).contains("model card card.md", "cannot be read");
        assertThat(version("5").failureReason()).contains("confidence-threshold 0.4 differs from the manifest's 0.5");
        assertThat(version("6").failureReason()).contains("'license' must be a non-empty text or list");
        assertThat(version("7").failureReason()).contains("must start with a '---' line");
        assertThat(registry.card(MODEL, "4")).isEmpty();
        assertThat(registry.versions(MODEL))
                .filteredOn(v -> v.state() == ModelState.FAILED)
                .hasSize(4);
    }

    @Test
    void aKindWithoutALoaderIsRefused() throws IOException {
        Path v2 = fixture.addVersion("2");
        Files.writeString(
                v2.resolve("model.yaml"),
                Files.readString(v2.resolve("model.yaml"))
                        .replace("kind: extractive-summarizer", "kind: token-classification"));
        Files.writeString(
                v2.resolve("card.md"),
                Files.readString(v2.resolve("card.md"))
                        .replace("kind: extractive-summarizer", "kind: token-classification"));
        registry = fixture.started(ServingProperties.defaults());

        assertThat(version("2").failureReason()).contains("no loader for kind 'token-classification'");
    }

    @Test
    void anAliasOnAFailedOrUnknownTargetServesDegradedAndTheServiceStaysUp() throws IOException {
        fixture.write(MODEL, "2", "kind: [", null);
        registry = fixture.started(ServingProperties.defaults().withAlias("summarizer", MODEL + ":2"));

        assertThat(registry.status("summarizer").state()).isEqualTo(ModelState.FAILED);
        assertThat(version("1").state()).as("validated, not loaded").isEqualTo(ModelState.PENDING);
        try (ModelLease lease = registry.lease("summarizer")) {
            assertThat(lease.ready()).isFalse();
            assertThat(lease.version().artifactSha256()).isEqualTo(VersionEntry.NO_ARTIFACT);
        }

        registry.retarget(new AliasTarget("summarizer", "nowhere", "9"));
        assertThat(registry.status("summarizer").failureReason()).isEqualTo("nowhere:9 is not in the registry");
        assertThatThrownBy(() -> registry.prepare("nowhere", "9")).isInstanceOf(UnknownModelException.class);

        registry.retarget(new AliasTarget("summarizer", MODEL, "1"));
        assertThat(registry.status("summarizer").state()).isEqualTo(ModelState.READY);
    }

    @Test
    void aRequestInFlightFinishesOnTheOldVersionWhoseSessionsCloseAfterIt() throws IOException {
        fixture.addVersion("2");
        registry = fixture.started(ServingProperties.defaults());
        LoadedInstance first = registry.loadedInstance(MODEL, "1");

        try (ModelLease inFlight = registry.lease("summarizer")) {
            registry.retarget(new AliasTarget("summarizer", MODEL, "2"));

            assertThat(first).isNotNull();
            assertThat(first.isClosed())
                    .as("still serving the request in flight")
                    .isFalse();
            assertThat(inFlight.ready()).isTrue();
            assertThat(inFlight.version().version()).isEqualTo("1");
            try (ModelLease next = registry.lease("summarizer")) {
                assertThat(next.version().version()).isEqualTo("2");
            }
        }

        assertThat(first.isClosed()).isTrue();
        assertThat(first.acquire()).isNull();
    }
}
