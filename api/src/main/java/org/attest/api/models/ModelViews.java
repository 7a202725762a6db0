package org.attest.api.models;

import java.util.List;
import org.attest.serving.AliasTarget;
import org.attest.serving.ModelRegistry;
import org.attest.serving.RegisteredVersion;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of {@code /v1/models}. */
final class ModelViews {

    private ModelViews() {}

    /**
     * One model: its versions and the aliases that point at them.
     *
     * @param name the model name
     * @param versions every version found, with its state
     * @param aliases the aliases that point at one of its versions
     */
    record ModelView(String name, List<VersionView> versions, List<AliasView> aliases) {}

    /**
     * One version.
     *
     * @param version the version
     * @param id {@code name:version}
     * @param kind the manifest kind, or null when the manifest could not be read
     * @param state PENDING (validated, not loaded), READY (serving) or FAILED (refused, see failureReason)
     * @param failureReason why it was refused or could not load, naming the path; null otherwise
     * @param device {@code cpu} or {@code cuda} while loaded
     * @param artifactSha256 the primary artifact's SHA-256
     * @param cardSha256 the model card's SHA-256; null without a valid card
     * @param confidenceThreshold the release threshold
     * @param source where its manifest was read from
     * @param aliases the aliases that point at it
     */
    record VersionView(
            String version,
            String id,
            @Nullable String kind,
            String state,
            @Nullable String failureReason,
            @Nullable String device,
            @Nullable String artifactSha256,
            @Nullable String cardSha256,
            @Nullable Double confidenceThreshold,
            String source,
            List<String> aliases) {

        static VersionView of(RegisteredVersion v) {
            return new VersionView(
                    v.version(),
                    v.id(),
                    v.kind(),
                    v.state().name(),
                    v.failureReason(),
                    v.device(),
                    v.artifactSha256(),
                    v.cardSha256(),
                    v.confidenceThreshold(),
                    v.source(),
                    v.aliases());
        }
    }

    /**
     * An alias and the state of its target.
     *
     * @param alias the alias
     * @param model the target model
     * @param version the target version
     * @param state the target's state; FAILED when it is not in the registry
     */
    record AliasView(String alias, String model, String version, String state) {

        static AliasView of(AliasTarget target, ModelRegistry registry) {
            String state = registry.version(target.model(), target.version())
                    .map(v -> v.state().name())
                    .orElse("FAILED");
            return new AliasView(target.alias(), target.model(), target.version(), state);
        }
    }

    /**
     * Every model and alias.
     *
     * @param models the models, by name
     * @param aliases every alias, by name
     */
    record CatalogView(List<ModelView> models, List<AliasView> aliases) {}

    /**
     * The answer to a promote or rollback.
     *
     * @param alias the alias moved
     * @param model the model it points at now
     * @param version the version it points at now
     * @param previous {@code name:version} it pointed at before, or null
     * @param action PROMOTE or ROLLBACK
     * @param changed false when it already pointed there
     * @param auditSequence the audit event's sequence number, or null when nothing changed
     */
    record AliasMoveView(
            String alias,
            String model,
            String version,
            @Nullable String previous,
            String action,
            boolean changed,
            @Nullable Long auditSequence) {

        static AliasMoveView of(AliasMove move) {
            return new AliasMoveView(
                    move.target().alias(),
                    move.target().model(),
                    move.target().version(),
                    move.from() == null ? null : move.from().targetId(),
                    move.action().name(),
                    move.changed(),
                    move.auditSequence());
        }
    }
}
