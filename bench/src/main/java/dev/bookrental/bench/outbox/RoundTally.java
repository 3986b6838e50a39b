package dev.bookrental.bench.outbox;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import dev.bookrental.bench.CpuUse;

/**
 * The books of one round: every message the senders announced (its id and when it was created),
 * every delivery the consumer saw, and the end-to-end latency of each first delivery. It fails
 * loudly unless each announced message arrived exactly once and nothing else arrived.
 *
 * <p>Senders call {@link #expect} from their threads before the message can be consumed; the
 * consumer calls {@link #arrived} from its one thread.
 */
final class RoundTally {

    /** Latencies are kept in microseconds up to an hour, to three significant digits. */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    private static final Duration FAILURE_CHECK = Duration.ofMillis(100);

    private final int expected;
    private final Map<UUID, Long> createdNanos = new ConcurrentHashMap<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final CountDownLatch complete = new CountDownLatch(1);
    private final Set<UUID> arrived = new HashSet<>();
    private final Histogram latencyMicros = new Histogram(HIGHEST_MICROS, 3);
    private volatile long startNanos;
    private volatile long sentNanos;
    private long lastArrivalNanos;
    private long duplicates;
    private long unknown;
    private long valueBytes;

    RoundTally(int expected) {
        this.expected = expected;
    }

    /** When the first message was sent: the round's throughput counts from here. */
    void started(long nanos) {
        startNanos = nanos;
    }

    /** When the last message was sent (its send returned, the producer flushed). */
    void sent(long nanos) {
        sentNanos = nanos;
    }

    /** A message a sender is about to make visible, created at {@code createdNanos} ({@link System#nanoTime()}). */
    void expect(UUID id, long createdNanos) {
        if (this.createdNanos.putIfAbsent(id, createdNanos) != null) {
            throw new IllegalStateException("Message id " + id + " was sent twice");
        }
    }

    /** A send, or the consumer, failed: the round cannot be complete. */
    void failed(Throwable failure) {
        failures.add(failure);
    }

    /** One delivery, seen by the consumer at {@code nanos}, with the size of its serialized payload. */
    synchronized void arrived(UUID id, long nanos, int payloadBytes) {
        Long created = createdNanos.get(id);
        if (created == null) {
            unknown++;
            return;
        }
        if (!arrived.add(id)) {
            duplicates++;
            return;
        }
        latencyMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos - created)));
        valueBytes += payloadBytes;
        lastArrivalNanos = Math.max(lastArrivalNanos, nanos);
        if (arrived.size() == expected) {
            complete.countDown();
        }
    }

    /** Waits until every expected message arrived; fails at once when a send or the consumer failed. */
    void awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!complete.await(FAILURE_CHECK.toNanos(), TimeUnit.NANOSECONDS)) {
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Round failed: " + summary());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not every message arrived within " + timeout.toSeconds() + " s: " + summary());
            }
        }
    }

    /** Fails unless every expected message arrived exactly once, nothing unknown arrived and nothing failed. */
    synchronized void verify() {
        if (!failures.isEmpty() || arrived.size() != expected || createdNanos.size() != expected
                || duplicates > 0 || unknown > 0) {
            throw new IllegalStateException("Round invalid: " + summary());
        }
    }

    synchronized String summary() {
        Throwable first = failures.peek();
        return "%d of %d messages arrived (%d sent), %d duplicate deliveries, %d unknown, %d failures%s".formatted(
                arrived.size(), expected, createdNanos.size(), duplicates, unknown, failures.size(),
                first == null ? "" : " (first: " + first + ")");
    }

    /** The round's figures; call after {@link #verify()}. */
    synchronized RoundResult result(String way, Stage stage, CpuUse cpu) {
        return new RoundResult(way, stage, arrived.size(), (sentNanos - startNanos) / 1e9, (lastArrivalNanos - startNanos) / 1e9, millis(latencyMicros.getValueAtPercentile(50)),
                millis(latencyMicros.getValueAtPercentile(99)), millis(latencyMicros.getMaxValue()),
                (double) valueBytes / arrived.size(), cpu);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
