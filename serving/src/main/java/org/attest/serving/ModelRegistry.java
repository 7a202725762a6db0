package org.attest.serving;

import java.util.List;
import java.util.Optional;

/**
 * The served models: every version found under {@code models/<name>/<version>/model.yaml} (shipped on the classpath,
 * or added in {@code attest.serving.registry-dir}), its lifecycle state, its model card, and where each alias points.
 *
 * <p>Moving an alias here changes only this process; the api module stores aliases in the database, audits the move,
 * and tells every replica. Requests that started before a move finish on the version they started with.
 */
public interface ModelRegistry {

    /** Every version found, by name then version. */
    List<RegisteredVersion> versions();

    /** The versions of one model, by version; empty when no such model exists. */
    List<RegisteredVersion> versions(String model);

    /** One version. */
    Optional<RegisteredVersion> version(String model, String version);

    /** Where every alias points now, by alias. */
    List<AliasTarget> aliases();

    /** Where one alias points now. */
    Optional<AliasTarget> alias(String alias);

    /** The validated model card of a version; empty when the version is unknown or has no valid card. */
    Optional<ModelCard> card(String model, String version);

    /**
     * Makes a version ready to serve: loads it (PENDING → READY, or → FAILED) unless it is loaded.
     *
     * @throws UnknownModelException when there is no such version
     * @throws ModelNotServableException when it is FAILED (with the reason), or fails to load now
     */
    RegisteredVersion prepare(String model, String version);

    /**
     * Points an alias at a version in this process: new requests go there at once, requests in flight finish on the
     * old one, whose sessions close after the last of them when no alias points at it any more. Loads the target if
     * needed; a target that is FAILED or not in the registry is accepted (the alias then serves degraded), so that the
     * stored alias always wins.
     */
    void retarget(AliasTarget target);
}
