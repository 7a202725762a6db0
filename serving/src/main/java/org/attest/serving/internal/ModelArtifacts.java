package org.attest.serving.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.attest.serving.internal.ModelManifest.Artifact;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;

/**
 * Finds a model's manifest and files and reads them only if their SHA-256 matches the manifest. The bytes that were
 * hashed are the bytes that get loaded, so a file swapped after the check cannot slip in.
 */
final class ModelArtifacts {

    private final ResourceLoader resources;

    ModelArtifacts(ResourceLoader resources) {
        this.resources = resources;
    }

    /** Reads and parses the manifest at a Spring resource location. */
    LocatedManifest manifest(String location) throws ModelLoadException {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return new LocatedManifest(ModelManifest.parse(in, location), resource, location);
        } catch (IOException e) {
            throw new ModelLoadException("manifest " + location + " cannot be read", e);
        }
    }

    /**
     * Reads one of the manifest's files and checks its SHA-256.
     *
     * @throws ModelLoadException when the file is missing, unreadable or differs from the manifest
     */
    byte[] readVerified(LocatedManifest manifest, Artifact artifact) throws ModelLoadException {
        byte[] content = read(manifest, artifact.location(), "artifact");
        String actual = sha256(content);
        if (!actual.equals(artifact.sha256())) {
            throw new ModelLoadException("artifact " + artifact.location() + " has SHA-256 " + actual
                    + " but the manifest expects " + artifact.sha256());
        }
        return content;
    }

    /** Checks every file the manifest names against its SHA-256, without keeping their bytes. */
    void verifyAll(LocatedManifest manifest) throws ModelLoadException {
        for (Artifact artifact : manifest.manifest().allFiles()) {
            readVerified(manifest, artifact);
        }
    }

    /**
     * Reads a file the manifest refers to without a hash (the model card, whose hash is computed and recorded).
     *
     * @param what what the file is, for the message
     */
    byte[] read(LocatedManifest manifest, String location, String what) throws ModelLoadException {
        try (InputStream in = resolve(manifest.resource(), location).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelLoadException(what + " " + location + " of " + manifest.location() + " cannot be read", e);
        }
    }

    private Resource resolve(Resource manifest, String location) throws IOException {
        // "classpath:x" and "file:/x" are absolute; anything else lies next to the manifest.
        if (location.startsWith(ResourceLoader.CLASSPATH_URL_PREFIX) || ResourceUtils.isUrl(location)) {
            return resources.getResource(location);
        }
        return manifest.createRelative(location);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * A parsed manifest and where it was read from, so that relative artifact locations can be resolved.
     *
     * @param manifest the parsed manifest
     * @param resource where it was read from
     * @param location the location it was asked for by, for messages
     */
    record LocatedManifest(ModelManifest manifest, Resource resource, String location) {}
}
