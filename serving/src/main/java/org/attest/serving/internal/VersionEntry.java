package org.attest.serving.internal;

import java.util.List;
import org.attest.serving.ModelCard;
import org.attest.serving.ModelState;
import org.attest.serving.ModelVersion;
import org.attest.serving.RegisteredVersion;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;
import org.jspecify.annotations.Nullable;

/**
 * One version in the registry as a state machine with guarded transitions: PENDING → READY (loaded) or → FAILED
 * (refused or could not load), READY → PENDING (unloaded when no alias points at it; loads again when one does).
 */
final class VersionEntry {

    /** The artifact hash recorded when no manifest could be read: no artifact is known. */
    static final String NO_ARTIFACT = "0".repeat(64);

    private final String name;
    private final String version;
    private final String source;
    private @Nullable LocatedManifest manifest;
    private @Nullable ModelCard card;
    private ModelState state = ModelState.PENDING;
    private @Nullable String failureReason;
    private @Nullable LoadedInstance loaded;

    VersionEntry(String name, String version, String source) {
        this.name = name;
        this.version = version;
        this.source = source;
    }

    String id() {
        return name + ":" + version;
    }

    String source() {
        return source;
    }

    synchronized ModelState state() {
        return state;
    }

    synchronized @Nullable String failureReason() {
        return failureReason;
    }

    synchronized @Nullable LocatedManifest manifest() {
        return manifest;
    }

    synchronized @Nullable ModelCard card() {
        return card;
    }

    synchronized @Nullable LoadedInstance loaded() {
        return loaded;
    }

    /** The manifest passed validation; the version stays PENDING. */
    synchronized void parsed(LocatedManifest validManifest) {
        guard(state == ModelState.PENDING && manifest == null, "parsed");
        this.manifest = validManifest;
    }

    /** The model card passed validation; the version stays PENDING until it loads. */
    synchronized void carded(ModelCard validCard) {
        guard(state == ModelState.PENDING && manifest != null && card == null, "given a card");
        this.card = validCard;
    }

    /** PENDING → FAILED, with a PHI-free reason; the manifest's path is added when the reason does not name it. */
    synchronized void fail(String reason) {
        guard(state == ModelState.PENDING, "failed");
        this.state = ModelState.FAILED;
        this.failureReason = reason.contains(source) ? reason : source + ": " + reason;
    }

    /** PENDING → READY. */
    synchronized void ready(LoadedInstance instance) {
        guard(state == ModelState.PENDING && manifest != null && card != null, "ready");
        this.state = ModelState.READY;
        this.loaded = instance;
    }

    /** READY → PENDING; returns the instance to retire (it closes once its requests are done). */
    synchronized LoadedInstance unload() {
        guard(state == ModelState.READY && loaded != null, "unloaded");
        LoadedInstance instance = loaded;
        this.state = ModelState.PENDING;
        this.loaded = null;
        return instance;
    }

    /** The version recorded with predictions; without a manifest, a placeholder that can never pass a threshold. */
    synchronized ModelVersion modelVersion() {
        if (manifest == null) {
            return new ModelVersion(name, version, NO_ARTIFACT, 1.0, null);
        }
        return manifest.manifest().modelVersion(card == null ? null : card.sha256());
    }

    synchronized RegisteredVersion describe(List<String> aliases) {
        ModelManifest parsed = manifest == null ? null : manifest.manifest();
        return new RegisteredVersion(
                name,
                version,
                parsed == null ? null : parsed.kind(),
                state,
                failureReason,
                loaded == null ? null : loaded.device(),
                parsed == null ? null : parsed.encoder().sha256(),
                card == null ? null : card.sha256(),
                parsed == null ? null : parsed.confidenceThreshold(),
                source,
                List.copyOf(aliases));
    }

    private void guard(boolean allowed, String transition) {
        if (!allowed) {
            throw new IllegalStateException(id() + " cannot be " + transition + " while " + state);
        }
    }
}
