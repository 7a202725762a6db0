package org.attest.api.models;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Optional body of {@code POST /v1/models/{name}/rollback}.
 *
 * @param alias the alias to roll back, when {@code {name}} is a model that no single alias points at
 */
record RollbackRequest(
        @Nullable @Pattern(regexp = ModelsController.NAME) String alias) {}
