package org.attest.review.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Returns lapsed claims to the queue every {@code attest.review.lease-sweep-interval}, so that each lapse is an audit
 * event near the time it happened even when nobody claims the item again. Replicas may all run it: rows are taken
 * with {@code SKIP LOCKED}.
 */
@Component
class LapsedClaimSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LapsedClaimSweeper.class);

    private final PostgresReviewQueue queue;
    private final ReviewProperties properties;
    private volatile ScheduledExecutorService scheduler;

    LapsedClaimSweeper(PostgresReviewQueue queue, ReviewProperties properties) {
        this.queue = queue;
        this.properties = properties;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("attest-review-leases").daemon(true).factory());
        long interval = properties.leaseSweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            int lapsed = queue.releaseLapsedClaims();
            if (lapsed > 0) {
                log.info("{} lapsed review claim(s) returned to the queue", lapsed);
            }
        } catch (RuntimeException e) {
            // the database may be down: the next round tries again, and claims sweep for themselves
            log.warn("lapsed-claim sweep failed: {}", e.getClass().getName());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            running.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
