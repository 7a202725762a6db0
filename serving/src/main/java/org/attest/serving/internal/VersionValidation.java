package org.attest.serving.internal;

import java.util.Map;
import org.attest.serving.ModelCard;
import org.attest.serving.internal.ModelArtifacts.LocatedManifest;
import org.attest.serving.internal.RegistryScanner.Found;

/**
 * The checks a version passes before it may load, in order: the manifest reads and is valid, its name and version are
 * those of its path, a loader exists for its kind, its model card is valid and agrees with it, and (unless it is about
 * to load, when the loader checks them on the bytes it loads) every file matches its SHA-256. The first check that
 * fails refuses the version with a reason that names the path.
 */
final class VersionValidation {

    private final ModelArtifacts artifacts;
    private final Map<String, ModelLoader> loaders;

    VersionValidation(ModelArtifacts artifacts, Map<String, ModelLoader> loaders) {
        this.artifacts = artifacts;
        this.loaders = loaders;
    }

    /** Validates a version; PENDING on success, FAILED otherwise. */
    void validate(Found found, VersionEntry entry, boolean checkFiles) {
        try {
            LocatedManifest located = artifacts.manifest(found.location());
            ModelManifest manifest = located.manifest();
            if (!manifest.name().equals(found.name()) || !manifest.version().equals(found.version())) {
                throw new ModelLoadException(
                        "manifest " + found.location() + " names " + manifest.id() + " but lies under " + found.id());
            }
            entry.parsed(located);
            if (!loaders.containsKey(manifest.kind())) {
                throw new ModelLoadException("manifest " + found.location() + ": no loader for kind '" + manifest.kind()
                        + "' (known: " + loaders.keySet() + ")");
            }
            entry.carded(card(located));
            if (checkFiles) {
                artifacts.verifyAll(located);
            }
        } catch (ModelLoadException e) {
            entry.fail(e.getMessage());
        }
    }

    private ModelCard card(LocatedManifest located) throws ModelLoadException {
        String location = located.manifest().card();
        byte[] content = artifacts.read(located, location, "model card");
        return ModelCardReader.read(content, location, located.manifest());
    }
}
