package org.attest.serving;

/**
 * An alias was moved to a version by an audited promote or rollback, after the move committed; published as a Spring
 * application event on the replica that moved it.
 *
 * @param alias the alias, e.g. {@code summarizer}
 * @param model the model name it points at now
 * @param version the version it points at now
 */
public record ModelPromoted(String alias, String model, String version) {}
