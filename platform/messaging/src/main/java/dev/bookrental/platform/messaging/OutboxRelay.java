package dev.bookrental.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Message relay of the transactional outbox: publishes committed outbox rows to Kafka in the order
 * they were written, then marks them published.
 *
 * <p>At least once: rows are marked only after the broker acknowledged every send of the batch, in
 * the transaction that locked them; a crash in between sends them again on the next start, and the
 * idempotent consumer drops the copy. One relay per database publishes at a time (a transaction
 * advisory lock), so the order per key holds even with several instances of a service; the others
 * take over within one poll when it dies.
 *
 * <p>An operator can pause the relay ({@link OutboxEndpoint}), e.g. while the broker is being
 * maintained: messages keep being committed and wait in the outbox. A pause lasts until
 * {@link #resume()} or the end of the process; a restarted instance relays again.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Advisory lock that elects the one publishing relay of a database ("outbox" in ASCII). */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final TraceContext traceContext;
    private final MessagingProperties.Outbox settings;

    private volatile boolean running;
    private volatile boolean paused;
    private volatile Thread worker;
    private Instant nextCleanup = Instant.EPOCH;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
            TraceContext traceContext, MessagingProperties.Outbox settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.traceContext = traceContext;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofVirtual().name("outbox-relay").start(this::relayUntilStopped);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            // Not interrupt(): an interrupted virtual thread closes its JDBC socket mid-statement.
            LockSupport.unpark(thread);
            try {
                thread.join(settings.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops publishing after the batch in flight; committed messages wait in the outbox. */
    public void pause() {
        paused = true;
    }

    /** Publishes again, beginning with what was committed during the pause. */
    public void resume() {
        paused = false;
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /** Starts after the Kafka listeners and stops before them, like a web server. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void relayUntilStopped() {
        while (running) {
            if (paused) {
                LockSupport.parkNanos(settings.pollInterval().toNanos());
                continue;
            }
            int published = 0;
            try {
                published = publishBatch();
                deleteOldPublishedRows();
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Outbox relay could not publish; the batch will be sent again", e);
                }
            }
            if (published < settings.batchSize()) {
                LockSupport.parkNanos(settings.pollInterval().toNanos());
            }
        }
    }

    /**
     * Publishes the oldest unpublished rows and marks them, in one transaction.
     *
     * @return the number of rows published, 0 when another relay holds the lock
     */
    public int publishBatch() {
        Integer published = transactions.execute(status -> {
            boolean elected = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", RELAY_LOCK)
                    .query(Boolean.class).single();
            if (!elected) {
                return 0;
            }
            List<OutboxRow> rows = jdbc.sql("""
                    SELECT id, topic, message_key, message_type, schema_version, payload::text AS payload, traceparent
                    FROM outbox_message WHERE published_at IS NULL
                    ORDER BY position LIMIT :limit FOR UPDATE SKIP LOCKED
                    """)
                    .param("limit", settings.batchSize())
                    .query((rs, n) -> new OutboxRow(rs.getObject("id", UUID.class), rs.getString("topic"),
                            rs.getString("message_key"), rs.getString("message_type"), rs.getInt("schema_version"),
                            rs.getString("payload"), rs.getString("traceparent")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acks = rows.stream()
                    .map(row -> traceContext.continueTrace(row.traceparent(), () -> kafka.send(toRecord(row))))
                    .toArray(CompletableFuture[]::new);
            awaitAcknowledgements(acks);
            jdbc.sql("UPDATE outbox_message SET published_at = now() WHERE id IN (:ids)")
                    .param("ids", rows.stream().map(OutboxRow::id).toList())
                    .update();
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    private void awaitAcknowledgements(CompletableFuture<?>[] acks) {
        try {
            CompletableFuture.allOf(acks).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("The broker did not acknowledge every message of the batch", e);
        }
    }

    private ProducerRecord<String, String> toRecord(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Message.ID, utf8(row.id().toString()));
        headers.add(Message.TYPE, utf8(row.type()));
        headers.add(Message.SCHEMA_VERSION, utf8(Integer.toString(row.schemaVersion())));
        if (row.traceparent() != null && !traceContext.propagatesOnSend()) {
            headers.add(Message.TRACEPARENT, utf8(row.traceparent()));
        }
        return new ProducerRecord<>(row.topic(), null, row.key(), row.payload(), headers);
    }

    private void deleteOldPublishedRows() {
        Instant now = Instant.now();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(CLEANUP_INTERVAL);
        jdbc.sql("DELETE FROM outbox_message WHERE published_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(now.minus(settings.retention()), ZoneOffset.UTC))
                .update();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private record OutboxRow(UUID id, String topic, String key, String type, int schemaVersion, String payload,
            String traceparent) {
    }
}
