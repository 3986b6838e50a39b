package dev.bookrental.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the idempotent consumer's table from growing without end: deletes the ids of messages
 * processed longer ago than the retention, a batch at a time.
 *
 * <p>The retention must outlast every way a message can be delivered again: the topics' retention
 * (Kafka's default is 7 days), and the time a dead letter may wait before it is replayed. A copy
 * arriving after its id was pruned would be applied twice; the default of 30 days leaves a wide
 * margin over Kafka's default.
 */
public class ProcessedMessagePruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedMessagePruner.class);
    private static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public ProcessedMessagePruner(JdbcClient jdbc, Duration retention, Duration interval) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.interval = interval;
    }

    /**
     * Deletes the ids processed before {@code now - retention}.
     *
     * @return how many were deleted
     */
    public int prune(Instant now) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(retention), ZoneOffset.UTC);
        int deleted = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                    DELETE FROM processed_message WHERE ctid IN (
                        SELECT ctid FROM processed_message WHERE processed_at < :cutoff LIMIT :batch)
                    """)
                    .param("cutoff", cutoff)
                    .param("batch", BATCH)
                    .update();
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("processed-message-pruner").factory());
        scheduler.scheduleWithFixedDelay(this::pruneNow, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pruneNow() {
        try {
            int deleted = prune(Instant.now());
            if (deleted > 0) {
                log.info("Pruned {} processed-message ids older than {}", deleted, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Could not prune processed-message ids; trying again in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
