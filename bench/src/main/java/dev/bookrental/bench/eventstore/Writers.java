package dev.bookrental.bench.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.CpuUse;
import dev.bookrental.rental.card.RentalCard;
import dev.bookrental.rental.card.RentalCards;

/**
 * Append rounds: writer threads, started together, each appending in turn to new cards of its own
 * (so appends never conflict, as requests of different members do not) one event per transaction
 * ({@link CardAppender}), as fast as the commits allow, for a fixed time. Each append is timed
 * from the decision (the card's next event) to the commit.
 *
 * <p>After the round every card is read back and must be the card written, from its snapshot and
 * tail and from all its events; the store and the outbox must hold exactly the events appended.
 */
final class Writers {

    private final CardAppender appender;
    private final RentalCards cards;
    private final JdbcClient sql;
    private final CpuMeter cpu;

    Writers(CardAppender appender, RentalCards cards, JdbcClient sql, CpuMeter cpu) {
        this.appender = appender;
        this.cards = cards;
        this.sql = sql;
        this.cpu = cpu;
    }

    AppendResult run(int threads, int cardsPerWriter, Duration duration) throws InterruptedException {
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            writers.add(new Writer(cardsPerWriter));
        }
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (Writer writer : writers) {
            running.add(Thread.ofPlatform().name("writer-" + running.size()).start(() -> {
                try {
                    start.await();
                    writer.appendUntil(System.nanoTime() + duration.toNanos());
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        CpuMeter.Snapshot before = cpu.snapshot();
        long startNanos = System.nanoTime();
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        CpuUse used = cpu.since(before);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("An append failed in a round of " + threads + " writers: " + failures.peek(),
                    failures.peek());
        }
        List<RentalCard> written = writers.stream().flatMap(writer -> writer.cards.stream()).toList();
        long appends = writers.stream().mapToLong(writer -> writer.appends).sum();
        verify(written, appends);
        Histogram micros = Latencies.histogram();
        writers.forEach(writer -> micros.add(writer.latencies));
        return new AppendResult(threads, written.size(), appends, seconds, Latencies.of(micros), used);
    }

    private void verify(List<RentalCard> written, long appends) {
        long versions = 0;
        for (RentalCard card : written) {
            RentalCard loaded = cards.of(card.memberId());
            RentalCard replayed = cards.replayedInFull(card.memberId());
            if (!loaded.equals(card) || !replayed.equals(card)) {
                throw new IllegalStateException("The store's card of " + card.memberId() + " is not the card written: written "
                        + card + ", loaded " + loaded + ", replayed in full " + replayed);
            }
            versions += card.version();
        }
        List<String> members = written.stream().map(RentalCard::memberId).toList();
        long stored = sql.sql("SELECT count(*) FROM event WHERE stream_id IN (:streams)")
                .param("streams", written.stream().map(card -> RentalCard.streamOf(card.memberId())).toList())
                .query(Long.class).single();
        long queued = sql.sql("SELECT count(*) FROM outbox_message WHERE message_key IN (:members)").param("members", members)
                .query(Long.class).single();
        if (appends == 0 || versions != appends || stored != appends || queued != appends) {
            throw new IllegalStateException("Appended %d events, but the cards are at %d versions together, the store holds %d"
                    .formatted(appends, versions, stored) + " and the outbox " + queued);
        }
    }

    /** One writer thread's cards, in turn, and its timings. */
    private final class Writer {

        private final List<RentalCard> cards = new ArrayList<>();
        private final Histogram latencies = Latencies.histogram();
        private long appends;

        Writer(int count) {
            for (int i = 0; i < count; i++) {
                cards.add(RentalCard.open(UUID.randomUUID().toString()));
            }
        }

        void appendUntil(long endNanos) {
            for (int next = 0; System.nanoTime() < endNanos; next = (next + 1) % cards.size()) {
                long start = System.nanoTime();
                RentalCard changed = appender.appendNext(cards.get(next));
                Latencies.record(latencies, System.nanoTime() - start);
                cards.set(next, changed);
                appends++;
            }
        }
    }
}
