package dev.bookrental.bench.saga;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.CpuUse;
import dev.bookrental.bench.SignedInUser;

/**
 * A closed loop of rents: each client, on a virtual thread of its own and with a member of its
 * own, rents a book, waits until the saga has ended (its event on {@code rental.events}), checks
 * that rental's API agrees, returns the book when it was rented, and rents again, until the time
 * is up; then it finishes the saga it is in. A member thus never has more than one loan, and the
 * copies of a book outnumber the clients renting it.
 *
 * <p>A failed request, a saga that has not ended after {@link #SAGA_TIMEOUT}, or an API that
 * disagrees with the event is a failure: the client stops and the stage's figures are invalid.
 */
final class SagaLoad {

    /** Twice rental's step timeout plus a compensation's first retries: a saga still PENDING by then is stuck. */
    static final Duration SAGA_TIMEOUT = Duration.ofSeconds(30);

    /** What one stage measured. Latencies in microseconds, from the POST sent to the saga's end seen on Kafka. */
    record Result(int clients, double seconds, long rented, long rejected, Map<String, Long> rejections,
            Histogram latencyMicros, CpuUse cpu, List<String> failures) {

        long completed() {
            return rented + rejected;
        }

        double perSecond() {
            return completed() / seconds;
        }
    }

    private final Library library;
    private final SagaEndings endings;
    private final CpuMeter cpu;

    SagaLoad(Library library, SagaEndings endings, CpuMeter cpu) {
        this.library = library;
        this.endings = endings;
        this.cpu = cpu;
    }

    /** Runs {@code members.size()} clients for {@code duration}; client i rents {@code books[i % books]}. */
    Result run(List<SignedInUser> members, List<Long> books, Duration duration) throws InterruptedException {
        Recorder latencies = new Recorder(TimeUnit.HOURS.toMicros(1), 3);
        AtomicLong rented = new AtomicLong();
        Map<String, Long> rejections = new ConcurrentHashMap<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        CpuMeter.Snapshot start = cpu.snapshot();
        long deadline = start.nanos() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            SignedInUser member = members.get(i);
            long book = books.get(i % books.size());
            clients.add(Thread.ofVirtual().name("client-" + i).start(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        String rentalId = library.rent(member, book);
                        SagaEndings.Ending end = endings.await(rentalId, SAGA_TIMEOUT);
                        latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(end.nanos() - sent));
                        String shown = library.rental(member, rentalId).get("status").asString();
                        if (!shown.equals(end.status())) {
                            throw new IllegalStateException("rental " + rentalId + " ended " + end.status() + " but shows " + shown);
                        }
                        if (end.status().equals("RENTED")) {
                            rented.incrementAndGet();
                            library.returnBook(member, rentalId);
                        } else {
                            rejections.merge(end.reason(), 1L, Long::sum);
                        }
                    }
                } catch (TimeoutException e) {
                    failures.add("a rental of " + member.username() + " still PENDING after " + SAGA_TIMEOUT.toSeconds() + " s");
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        CpuUse used = cpu.since(start);
        long rejected = rejections.values().stream().mapToLong(Long::longValue).sum();
        List<String> problems = new ArrayList<>(failures);
        problems.addAll(endings.unreadable());
        return new Result(members.size(), used.seconds(), rented.get(), rejected, Map.copyOf(rejections),
                latencies.getIntervalHistogram(), used, problems);
    }
}
