package org.attest.api.models;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.attest.api.models.ModelViews.AliasMoveView;
import org.attest.api.models.ModelViews.AliasView;
import org.attest.api.models.ModelViews.CatalogView;
import org.attest.api.models.ModelViews.ModelView;
import org.attest.api.models.ModelViews.VersionView;
import org.attest.api.security.Caller;
import org.attest.api.web.RequestIds;
import org.attest.serving.AliasTarget;
import org.attest.serving.ModelCard;
import org.attest.serving.ModelRegistry;
import org.attest.serving.RegisteredVersion;
import org.attest.serving.UnknownModelException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/models}: what the registry holds and where the aliases point, each version's model card, and promote /
 * rollback. {@code {name}} is a model name or an alias ({@code summarizer}); an alias stands for the model it points
 * at.
 */
@RestController
@RequestMapping("/v1/models")
class ModelsController {

    static final String NAME = "[a-z0-9][a-z0-9._-]{0,99}";
    static final MediaType MARKDOWN = new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8);
    static final String CARD_HASH_HEADER = "X-Model-Card-SHA256";

    private final ModelRegistry registry;
    private final ModelPromotions promotions;

    ModelsController(ModelRegistry registry, ModelPromotions promotions) {
        this.registry = registry;
        this.promotions = promotions;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    CatalogView list() {
        Map<String, List<RegisteredVersion>> byModel = registry.versions().stream()
                .collect(Collectors.groupingBy(RegisteredVersion::name, TreeMap::new, Collectors.toList()));
        List<ModelView> models = byModel.entrySet().stream()
                .map(entry -> view(entry.getKey(), entry.getValue()))
                .toList();
        return new CatalogView(
                models,
                registry.aliases().stream().map(a -> AliasView.of(a, registry)).toList());
    }

    @GetMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelView show(@PathVariable String name) {
        String model = modelOf(name);
        return view(model, registry.versions(model));
    }

    /** The card of {@code ?version=}, else of the version an alias points at, else of the latest version. */
    @GetMapping(
            path = "/{name}/card",
            produces = {"text/markdown", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<String> card(@PathVariable String name, @RequestParam(required = false) @Nullable String version) {
        String model = modelOf(name);
        String chosen = version != null ? version : defaultVersion(name, model);
        ModelCard card =
                registry.card(model, chosen).orElseThrow(() -> new UnknownModelException(model + ":" + chosen));
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .header(CARD_HASH_HEADER, card.sha256())
                .body(card.content());
    }

    @PostMapping(
            path = "/{name}/promote",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AliasMoveView promote(
            @PathVariable String name,
            @Valid @RequestBody PromoteRequest body,
            @AuthenticationPrincipal Jwt token,
            HttpServletRequest request) {
        checkName(name);
        return AliasMoveView.of(promotions.promote(
                Caller.of(token), RequestIds.current(request), name, body.version(), body.alias(), body.model()));
    }

    @PostMapping(path = "/{name}/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
    AliasMoveView rollback(
            @PathVariable String name,
            @Valid @RequestBody(required = false) @Nullable RollbackRequest body,
            @AuthenticationPrincipal Jwt token,
            HttpServletRequest request) {
        checkName(name);
        return AliasMoveView.of(promotions.rollback(
                Caller.of(token), RequestIds.current(request), name, body == null ? null : body.alias()));
    }

    private ModelView view(String model, List<RegisteredVersion> versions) {
        List<AliasView> aliases = registry.aliases().stream()
                .filter(a -> a.model().equals(model))
                .map(a -> AliasView.of(a, registry))
                .toList();
        return new ModelView(model, versions.stream().map(VersionView::of).toList(), aliases);
    }

    /** The model a name means: an alias's target model, or the name itself when the registry has that model. */
    private String modelOf(String name) {
        checkName(name);
        String model = registry.alias(name).map(AliasTarget::model).orElse(name);
        if (registry.versions(model).isEmpty()) {
            throw new UnknownModelException(name);
        }
        return model;
    }

    private String defaultVersion(String name, String model) {
        return registry.alias(name)
                .or(() -> registry.aliases().stream()
                        .filter(a -> a.model().equals(model))
                        .findFirst())
                .map(AliasTarget::version)
                .orElseGet(() -> registry.versions(model).stream()
                        .map(RegisteredVersion::version)
                        .max(Comparator.naturalOrder())
                        .orElseThrow());
    }

    private static void checkName(String name) {
        if (!name.matches(NAME)) {
            throw new UnknownModelException("a malformed name");
        }
    }
}
