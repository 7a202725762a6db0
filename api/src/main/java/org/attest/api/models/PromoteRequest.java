package org.attest.api.models;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/models/{name}/promote}.
 *
 * @param version the version to point the alias at
 * @param alias the alias to move, when {@code {name}} is a model that no single alias points at
 * @param model the model, when {@code {name}} is an alias that should move to another model
 */
record PromoteRequest(
        @NotBlank @Pattern(regexp = ModelsController.NAME) String version,
        @Nullable @Pattern(regexp = ModelsController.NAME) String alias,
        @Nullable @Pattern(regexp = ModelsController.NAME) String model) {}
