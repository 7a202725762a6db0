package org.attest.api.models;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.attest.api.security.Caller;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditRecord;
import org.attest.audit.AuditTrail;
import org.attest.audit.ModelRef;
import org.attest.serving.AliasTarget;
import org.attest.serving.ModelNotServableException;
import org.attest.serving.ModelPromoted;
import org.attest.serving.ModelRegistry;
import org.attest.serving.RegisteredVersion;
import org.attest.serving.UnknownModelException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Promote and rollback: load the target first (outside any transaction), then in ONE transaction lock the alias row,
 * move it, write its history and append the audit event; only after that commit does this replica's registry move
 * (new requests go to the new version, requests in flight finish on the old one) and {@link ModelPromoted} is
 * published. Other replicas follow through {@link AliasSynchronizer}.
 */
@Service
class ModelPromotions {

    private static final Logger log = LoggerFactory.getLogger(ModelPromotions.class);

    private final ModelRegistry registry;
    private final ModelAliases aliases;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModelPromotions(
            ModelRegistry registry,
            ModelAliases aliases,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.registry = registry;
        this.aliases = aliases;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /**
     * Points an alias at a version.
     *
     * @param name an alias, or a model name (the alias is then the one that points at that model, or {@code alias})
     * @throws UnknownModelException when the name, alias or version is not in the registry
     * @throws ModelNotServableException when the version is FAILED or the alias cannot be told
     */
    AliasMove promote(
            Caller caller,
            String requestId,
            String name,
            String version,
            @Nullable String alias,
            @Nullable String model) {
        AliasTarget target = resolve(name, alias, model, version);
        RegisteredVersion prepared = registry.prepare(target.model(), target.version());
        return move(caller, requestId, target, prepared, ModelAliases.Action.PROMOTE, null);
    }

    /**
     * Points an alias back at its previous target (a second rollback undoes the first).
     *
     * @throws ModelNotServableException when there is nothing to roll back to, or it is FAILED
     */
    AliasMove rollback(Caller caller, String requestId, String name, @Nullable String alias) {
        String aliasName = aliasOf(name, alias);
        StoredAlias stored = aliases.all().stream()
                .filter(a -> a.target().alias().equals(aliasName))
                .findFirst()
                .orElseThrow(() -> new UnknownModelException("alias " + aliasName));
        AliasTarget previous = stored.previous();
        if (previous == null) {
            throw new ModelNotServableException("alias " + aliasName + " has never moved: nothing to roll back to");
        }
        RegisteredVersion prepared = registry.prepare(previous.model(), previous.version());
        return move(caller, requestId, previous, prepared, ModelAliases.Action.ROLLBACK, stored.target());
    }

    private AliasMove move(
            Caller caller,
            String requestId,
            AliasTarget target,
            RegisteredVersion prepared,
            ModelAliases.Action action,
            @Nullable AliasTarget expectedCurrent) {
        AliasMove move = Objects.requireNonNull(transaction.execute(status -> {
            StoredAlias current = aliases.lock(target.alias())
                    .orElseThrow(() -> new UnknownModelException("alias " + target.alias()));
            if (expectedCurrent != null && !current.target().equals(expectedCurrent)) {
                throw new ModelNotServableException("alias " + target.alias() + " moved meanwhile; retry");
            }
            if (current.target().equals(target)) {
                return new AliasMove(target, current.previous(), action, false, null);
            }
            aliases.move(current, target, action, caller.actor(), requestId, clock.instant());
            AuditRecord record = audit.append(event(caller, requestId, target, current.target(), prepared, action));
            return new AliasMove(target, current.target(), action, true, record.sequence());
        }));
        if (move.changed()) {
            registry.retarget(target);
            log.info("Alias '{}' {}: {} -> {}", target.alias(), action, move.from(), target.targetId());
            events.publishEvent(new ModelPromoted(target.alias(), target.model(), target.version()));
        }
        return move;
    }

    private static AuditEvent event(
            Caller caller,
            String requestId,
            AliasTarget target,
            AliasTarget from,
            RegisteredVersion version,
            ModelAliases.Action action) {
        AuditEventType type = action == ModelAliases.Action.ROLLBACK
                ? AuditEventType.MODEL_ROLLED_BACK
                : AuditEventType.MODEL_PROMOTED;
        return AuditEvent.builder(type, caller.actor(), caller.clientId(), requestId)
                .subject(target.alias())
                .model(new ModelRef(
                        version.name(),
                        version.version(),
                        Objects.requireNonNull(version.artifactSha256()),
                        version.cardSha256()))
                .decision(target.alias() + " -> " + target.targetId(), "from " + from.targetId())
                .build();
    }

    /** The alias and model a promotion means: {@code name} is an alias, or a model with one alias on it. */
    private AliasTarget resolve(String name, @Nullable String alias, @Nullable String model, String version) {
        String aliasName = aliasOf(name, alias);
        if (!aliasName.equals(name)) {
            return new AliasTarget(aliasName, name, version);
        }
        String targetModel =
                model != null ? model : registry.alias(name).orElseThrow().model();
        return new AliasTarget(aliasName, targetModel, version);
    }

    /** The alias a request moves: {@code name} itself, the body's {@code alias}, or the one alias on model name. */
    private String aliasOf(String name, @Nullable String alias) {
        if (registry.alias(name).isPresent()) {
            return name;
        }
        if (registry.versions(name).isEmpty()) {
            throw new UnknownModelException(name);
        }
        if (alias != null) {
            return registry.alias(alias)
                    .orElseThrow(() -> new UnknownModelException("alias " + alias))
                    .alias();
        }
        List<AliasTarget> pointing =
                registry.aliases().stream().filter(a -> a.model().equals(name)).toList();
        if (pointing.size() != 1) {
            throw new ModelNotServableException(
                    pointing.size() + " aliases point at model " + name + ": name the alias in the body (\"alias\")");
        }
        return pointing.getFirst().alias();
    }
}
