package org.attest.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.attest.review.ReleaseProbations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Probations in PostgreSQL's {@code model_probation} table, measured on {@code review_item}'s decisions. The release
 * path asks {@link #onProbation} for every prediction, so the versions on probation are held in memory: changed here
 * at once (a probation begun, or ended by a committed decision) and reloaded from the table every
 * {@code attest.review.probation.refresh-interval}, so that every replica learns of the others' changes. A database
 * that hangs therefore never holds a summarize request here (and without it nothing is released anyway).
 */
@Component
class PostgresReleaseProbations implements ReleaseProbations, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresReleaseProbations.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReviewProperties.Probation settings;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    // begun here lately: a reload that read the table just before the begin committed must not forget them
    private final Map<String, Instant> begunHere = new ConcurrentHashMap<>();
    private volatile @Nullable ScheduledExecutorService refresher;

    PostgresReleaseProbations(JdbcClient jdbc, Clock clock, ReviewProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.probation();
    }

    /** Reloads the versions on probation from the table. */
    void refresh() {
        List<String> running = jdbc.sql("SELECT model_version FROM model_probation WHERE ended_at IS NULL")
                .query(String.class)
                .list();
        Instant recent = clock.instant().minus(settings.refreshInterval().multipliedBy(5));
        begunHere.values().removeIf(at -> at.isBefore(recent));
        Set<String> keep = new HashSet<>(running);
        keep.addAll(begunHere.keySet());
        active.addAll(running);
        active.retainAll(keep);
    }

    @Override
    public void start() {
        refresh();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("attest-probations").daemon(true).factory());
        long interval = settings.refreshInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, interval, interval, TimeUnit.MILLISECONDS);
        refresher = scheduler;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("probations not reloaded: {}", e.getClass().getName());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = refresher;
        if (scheduler != null) {
            scheduler.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }

    @Override
    public void begin(String modelVersion) {
        // a version promoted again after its probation ended starts a new one; a running one goes on unchanged
        jdbc.sql("""
                        INSERT INTO model_probation (model_version, started_at, window_items, required_agreement)
                        VALUES (:model, :now, :window, :agreement)
                        ON CONFLICT (model_version) DO UPDATE
                            SET started_at = EXCLUDED.started_at, window_items = EXCLUDED.window_items,
                                required_agreement = EXCLUDED.required_agreement, ended_at = NULL,
                                agreement_at_end = NULL
                            WHERE model_probation.ended_at IS NOT NULL
                        """)
                .param("model", modelVersion)
                .param("now", ReviewRows.utc(clock.instant()))
                .param("window", settings.windowItems())
                .param("agreement", settings.requiredAgreement())
                .update();
        begunHere.put(modelVersion, clock.instant());
        active.add(modelVersion);
    }

    @Override
    public boolean onProbation(String modelVersion) {
        return active.contains(modelVersion);
    }

    @Override
    public Optional<Probation> find(String modelVersion) {
        return jdbc.sql("SELECT * FROM model_probation WHERE model_version = :model")
                .param("model", modelVersion)
                .query((rs, row) -> new Probation(
                        rs.getString("model_version"),
                        rs.getInt("window_items"),
                        rs.getDouble("required_agreement"),
                        rs.getObject("ended_at") != null,
                        rs.getObject("agreement_at_end") == null ? -1 : rs.getDouble("agreement_at_end")))
                .optional();
    }

    /**
     * After a decision on {@code modelVersion}, in its transaction: ends the probation once the version's last N
     * decided items since it began are at least the required share approved unedited.
     */
    void measure(String modelVersion, Instant now) {
        Optional<Probation> running = find(modelVersion).filter(p -> !p.ended());
        if (running.isEmpty()) {
            return;
        }
        Probation probation = running.get();
        List<String> last = jdbc.sql("""
                        SELECT r.status FROM review_item r JOIN model_probation p ON p.model_version = r.model_version
                        WHERE r.model_version = :model AND r.decided_at >= p.started_at
                        ORDER BY r.decided_at DESC, r.id LIMIT :window
                        """)
                .param("model", modelVersion)
                .param("window", probation.windowItems())
                .query(String.class)
                .list();
        if (last.size() < probation.windowItems()) {
            return;
        }
        double agreement = last.stream().filter("APPROVED"::equals).count() / (double) last.size();
        if (agreement >= probation.requiredAgreement()) {
            jdbc.sql("UPDATE model_probation SET ended_at = :now, agreement_at_end = :agreement"
                            + " WHERE model_version = :model AND ended_at IS NULL")
                    .param("now", ReviewRows.utc(now))
                    .param("agreement", agreement)
                    .param("model", modelVersion)
                    .update();
            // forget it only once the decision that ended it has committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    begunHere.remove(modelVersion);
                    active.remove(modelVersion);
                }
            });
        }
    }
}
