package dev.bookrental.bench.saga;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.JitCompilations;
import dev.bookrental.bench.OnOneBoot;
import dev.bookrental.bench.SignedInUser;
import dev.bookrental.bench.WarmUp;
import dev.bookrental.launcher.Health;
import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.SystemTopology;

/**
 * The rent saga's throughput, latency and CPU ({@code ./bookrental bench saga}, see bench/README.md):
 * boots the whole system once with the profile {@code bench} under .run/bench, registers members at
 * auth and signs them in, has the signed-in librarian add books through the gateway, warms the system
 * up, then runs the closed loop of {@link SagaLoad} at each concurrency of {@link #CLIENTS}, prints
 * the figures and stops everything. Tokens are renewed between stages, never during one.
 */
public final class SagaBenchmarks {

    /** The concurrencies measured, in this order; the largest is also the warm-up's. */
    static final List<Integer> CLIENTS = List.of(8, 32);
    /**
     * Warm-up at the largest concurrency in rounds of 15 s until a round compiles fewer than 150
     * methods in gateway, rental, book and member together (the trickle four JVMs always compile),
     * 60 s at least and 6 minutes at most: a first run with a fixed 60 s measured C2 still
     * compiling, at three times the CPU per saga of the steady state.
     */
    static final WarmUp WARM_UP = new WarmUp(32, Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofMinutes(6), 150);
    /** The JVMs whose JIT the warm-up waits for: every service a saga goes through. */
    private static final List<String> SAGA_JVMS = List.of("gateway", "rental", "book", "member");
    static final Duration MEASURED = Duration.ofSeconds(30);
    /** Books of the run and copies of each: client i rents book i % BOOKS, so at most 4 clients share 20 copies. */
    private static final int BOOKS = 8;
    private static final int COPIES = 20;
    /** Added to the welcome bonus: at 10 points a rent, a thousand rents per member, more than a run makes. */
    private static final int TOP_UP = 10_000;
    /** Between stages: the last sagas' returns and late-fee events are still on their way. */
    private static final Duration PAUSE = Duration.ofSeconds(5);
    /** The gateway learns of book through Eureka and its load-balancer cache: allow it a moment. */
    private static final Duration ROUTE_READY = Duration.ofSeconds(60);

    private SagaBenchmarks() {
    }

    public static void run(Path home, PrintStream out) throws Exception {
        OnOneBoot.run(home, SystemTopology.bookrental(), List.of("bench"), out, system -> measure(system, out));
    }

    private static void measure(RunningSystem system, PrintStream out) throws Exception {
        try (Library library = new Library(); SagaEndings endings = new SagaEndings(Library.KAFKA)) {
            Health.await("the gateway's route to book", ROUTE_READY, null, () -> Health.httpOk(Library.GATEWAY + "/api/books", body -> true));
            int clients = CLIENTS.stream().mapToInt(Integer::intValue).max().orElseThrow();
            out.printf("  preparing %d members and %d books of %d copies%n", clients, BOOKS, COPIES);
            List<SignedInUser> members = members(library, clients);
            SignedInUser librarian = library.librarian();
            List<Long> books = new ArrayList<>();
            for (int i = 0; i < BOOKS; i++) {
                books.add(library.addBook(librarian, "Saga Bench " + i, COPIES));
            }
            SagaLoad load = new SagaLoad(library, endings, new CpuMeter(system, SagaReport.PROCESSES));
            List<SagaLoad.Result> results = new ArrayList<>();
            results.add(warmUp(system, out, load, members, books));
            for (int count : CLIENTS) {
                Thread.sleep(PAUSE);
                results.add(stage(out, load, count + " clients", members.subList(0, count), books, MEASURED));
            }
            List<String> failures = results.stream().flatMap(result -> result.failures().stream()).toList();
            if (!failures.isEmpty()) {
                throw new IllegalStateException("no figures: " + failures.size() + " failures, first: " + failures.getFirst());
            }
            new SagaReport(out).print(system, results.subList(1, results.size()));
        }
    }

    /** Warm-up rounds until the JIT of the saga's JVMs is done (see {@link #WARM_UP}); the last round is returned. */
    private static SagaLoad.Result warmUp(RunningSystem system, PrintStream out, SagaLoad load, List<SignedInUser> members,
            List<Long> books) throws Exception {
        List<Long> pids = system.processes().stream().filter(row -> SAGA_JVMS.contains(row.name()))
                .map(RunningSystem.ProcessRow::pid).toList();
        long start = System.nanoTime();
        Duration elapsed = Duration.ZERO;
        SagaLoad.Result last;
        long compiled;
        do {
            long before = JitCompilations.total(pids);
            last = stage(out, load, "warm-up", members.subList(0, WARM_UP.connections()), books, WARM_UP.round());
            compiled = JitCompilations.total(pids) - before;
            elapsed = Duration.ofNanos(System.nanoTime() - start);
            out.printf("    %d methods compiled in the round%n", compiled);
        } while (elapsed.compareTo(WARM_UP.max()) < 0
                && (elapsed.compareTo(WARM_UP.min()) < 0 || compiled >= WARM_UP.quietCompilations()));
        out.printf("    %s after %d s%n", compiled < WARM_UP.quietCompilations() ? "JIT done" : "limit reached, JIT still compiling",
                elapsed.toSeconds());
        return last;
    }

    /** Members registered and signed in side by side: each waits for member to create its profile. */
    private static List<SignedInUser> members(Library library, int count) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new CopyOnWriteArrayList<>();
        SignedInUser[] members = new SignedInUser[count];
        for (int i = 0; i < count; i++) {
            int slot = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    members[slot] = library.registeredMember(TOP_UP);
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        joinAll(threads, failures, "Could not register the members");
        return List.of(members);
    }

    /**
     * Signs in again, side by side, the members whose token would grow older than {@link
     * SignedInUser#MAX_AGE} during a stage of {@code duration} (plus the sagas it ends with), so that
     * no sign-in runs while the stage is measured.
     */
    private static void renewTokens(List<SignedInUser> members, Duration duration) throws InterruptedException {
        Duration stage = duration.plus(SagaLoad.SAGA_TIMEOUT);
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new CopyOnWriteArrayList<>();
        for (SignedInUser member : members) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    member.renewIfOlderAfter(stage);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        joinAll(threads, failures, "Could not sign the members in again");
    }

    private static void joinAll(List<Thread> threads, List<Exception> failures, String what) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(what + ": " + failures.getFirst(), failures.getFirst());
        }
    }

    private static SagaLoad.Result stage(PrintStream out, SagaLoad load, String name, List<SignedInUser> members, List<Long> books,
            Duration duration) throws InterruptedException {
        renewTokens(members, duration);
        out.printf("  %-10s %d clients, %d s", name, members.size(), duration.toSeconds());
        SagaLoad.Result result = load.run(members, books, duration);
        out.printf(": %d sagas, %.1f/s, p50 %.0f ms, p99 %.0f ms%s%n", result.completed(), result.perSecond(),
                result.latencyMicros().getValueAtPercentile(50) / 1000.0, result.latencyMicros().getValueAtPercentile(99) / 1000.0,
                result.failures().isEmpty() ? "" : ", " + result.failures().size() + " FAILURES");
        return result;
    }
}
