package dev.bookrental.bench.outbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.CpuUse;
import dev.bookrental.book.api.BookEvent.BookAdded;

/**
 * Runs each stage of a plan both ways, plain then outbox, with the same events, the same sender
 * threads and the same consumer, one round after the other on the same broker and database, and
 * checks after each round that every message arrived exactly once.
 */
final class OutboxBenchmark {

    /** A round whose messages have not all arrived by then has failed. */
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);
    /** How long the consumer keeps watching a complete round for duplicates or strays. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    private final List<Sender> senders;
    private final EventConsumer consumer;
    private final CpuMeter cpu;
    private final PrintStream out;

    OutboxBenchmark(List<Sender> senders, EventConsumer consumer, CpuMeter cpu, PrintStream out) {
        this.senders = List.copyOf(senders);
        this.consumer = consumer;
        this.cpu = cpu;
        this.out = out;
    }

    /** The reported rounds, in order: per stage, each way. */
    List<RoundResult> run(OutboxPlan plan) throws InterruptedException, ExecutionException {
        List<BookAdded> events = Events.bookAdded(plan.largestRound());
        List<RoundResult> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(plan.senderThreads(),
                Thread.ofPlatform().name("bench-sender-", 1).factory())) {
            for (Stage stage : plan.stages()) {
                for (Sender sender : senders) {
                    RoundResult result = round(stage, sender, events.subList(0, stage.messages()), threads);
                    if (stage.reported()) {
                        results.add(result);
                    }
                }
            }
        }
        return results;
    }

    private RoundResult round(Stage stage, Sender sender, List<BookAdded> events, ExecutorService threads)
            throws InterruptedException, ExecutionException {
        out.printf("  %-10s %-6s %,7d messages, %-12s", stage.name(), sender.way(), events.size(), stage.pace().label());
        RoundTally tally = new RoundTally(events.size());
        consumer.watch(tally);
        CpuMeter.Snapshot before = cpu.snapshot();
        send(sender, stage.pace(), events, tally, threads);
        tally.awaitAll(ARRIVAL_TIMEOUT);
        CpuUse used = cpu.since(before);
        Thread.sleep(SETTLE);
        tally.verify();
        RoundResult result = tally.result(sender.way(), stage, used);
        out.printf(": %,8.0f messages/s, p50 %7.1f ms, p99 %7.1f ms%n", result.messagesPerSecond(), result.p50Ms(), result.p99Ms());
        return result;
    }

    /** Hands each event to the sender threads when it is due, and waits until all are sent. */
    private static void send(Sender sender, Pace pace, List<BookAdded> events, RoundTally tally, ExecutorService threads)
            throws InterruptedException, ExecutionException {
        List<Future<?>> sends = new ArrayList<>(events.size());
        long start = System.nanoTime();
        tally.started(start);
        for (int i = 0; i < events.size(); i++) {
            BookAdded event = events.get(i);
            long due = pace.dueNanos(start, i);
            parkUntil(due);
            sends.add(threads.submit(() -> sendOne(sender, event, due, tally)));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        sender.flush();
        tally.sent(System.nanoTime());
    }

    private static void sendOne(Sender sender, BookAdded event, long createdNanos, RoundTally tally) {
        try {
            sender.send(event, createdNanos, tally);
        } catch (RuntimeException e) {
            tally.failed(e);
        }
    }

    private static void parkUntil(long nanos) {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
