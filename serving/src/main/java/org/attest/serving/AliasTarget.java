package org.attest.serving;

/**
 * Where an alias points.
 *
 * @param alias the alias, e.g. {@code summarizer}
 * @param model the model name
 * @param version the version within that name
 */
public record AliasTarget(String alias, String model, String version) {

    /** Parses {@code name:version}. */
    public static AliasTarget parse(String alias, String target) {
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw new IllegalArgumentException("alias target must be name:version, got '" + target + "'");
        }
        return new AliasTarget(alias, target.substring(0, colon), target.substring(colon + 1));
    }

    /** {@code name:version} of the target. */
    public String targetId() {
        return model + ":" + version;
    }
}
