package org.attest.api.models;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.attest.serving.AliasTarget;
import org.attest.serving.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica's aliases equal to the stored ones. At startup, before the web server takes requests, it stores
 * the configured default of every alias that has no row yet and follows the stored targets; then it reads the table
 * every {@code attest.models.alias-poll-interval} and follows moves made on other replicas. A database outage leaves
 * the aliases where they are (logged) and is retried on the next poll.
 */
@Component
class AliasSynchronizer implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AliasSynchronizer.class);

    private final ModelRegistry registry;
    private final ModelAliases aliases;
    private final ModelsProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "attest-alias-poll");
        thread.setDaemon(true);
        return thread;
    });

    AliasSynchronizer(ModelRegistry registry, ModelAliases aliases, ModelsProperties properties, Clock clock) {
        this.registry = registry;
        this.aliases = aliases;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            for (AliasTarget configured : registry.aliases()) {
                if (aliases.insertIfAbsent(configured, clock.instant())) {
                    log.info(
                            "Alias '{}' stored with its configured default {}",
                            configured.alias(),
                            configured.targetId());
                }
            }
        } catch (DataAccessException e) {
            log.error(
                    "Aliases could not be stored at startup ({}); serving the configured defaults",
                    e.getClass().getName());
        }
        synchronize();
        long interval = properties.aliasPollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::synchronize, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Follows every stored alias whose target differs from this replica's. */
    void synchronize() {
        try {
            for (StoredAlias stored : aliases.all()) {
                AliasTarget target = stored.target();
                boolean differs = registry.alias(target.alias())
                        .map(current -> !current.equals(target))
                        .orElse(true);
                if (differs) {
                    log.info(
                            "Alias '{}' follows the stored target {} (revision {})",
                            target.alias(),
                            target.targetId(),
                            stored.revision());
                    registry.retarget(target);
                }
            }
        } catch (DataAccessException e) {
            log.warn(
                    "Aliases could not be read ({}); keeping the current targets",
                    e.getClass().getName());
        } catch (RuntimeException e) {
            log.error("Alias synchronization failed ({})", e.getClass().getName());
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
