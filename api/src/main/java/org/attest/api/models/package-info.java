/**
 * {@code /v1/models}: the registry's versions, states, alias targets and model cards; promote and rollback, which move
 * an alias in PostgreSQL and audit the move in one transaction, then tell the registry; every replica polls the
 * aliases.
 */
@NullMarked
package org.attest.api.models;

import org.jspecify.annotations.NullMarked;
