package dev.bookrental.bench.eventstore;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.CpuUse;
import dev.bookrental.bench.RunFacts;

/**
 * Prints an event store run as Markdown, readable on the console and ready for
 * docs/measurements.md: the facts, the append rounds with their CPU, the replay of a long stream,
 * the card loads, and the ratios of a long card's load to a short one's with and without snapshots.
 */
final class EventStoreReport {

    /** The processes whose CPU is measured one by one. */
    static final List<String> PROCESSES = List.of(CpuMeter.THIS_JVM, "postgres");
    private static final List<String> CPU_COLUMNS = List.of(CpuMeter.THIS_JVM, "postgres", "outside", "idle");
    private static final Map<String, String> HEADINGS = Map.of(CpuMeter.THIS_JVM, "bench JVM");
    /** CPU used outside the benchmark above which a measurement is flagged as disturbed, in cores. */
    private static final double BUSY_OUTSIDE_CORES = 0.2;
    /** With snapshots a long card must load about as fast as a short one: "near 1" is at most this ratio of medians. */
    static final double NEAR_ONE = 1.5;

    private final PrintStream out;

    EventStoreReport(PrintStream out) {
        this.out = out;
    }

    void print(RunFacts facts, EventStorePlan plan, EventStoreRun run) {
        out.printf("%n## Event store benchmark, %s%n%n", facts.date());
        facts.lines().forEach(line -> out.printf("- %s%n", line));
        out.printf("- append rounds of %s writers, each on %d cards of its own, %d s each after a warm-up round (%d writers, %d s,"
                + " not reported); loads and replays from one thread, warmed up %d s, then timed %,d times or %d s%n",
                plan.writerThreads().stream().map(String::valueOf).collect(Collectors.joining(" and ")), plan.streamsPerWriter(),
                plan.appendRound().toSeconds(), plan.mostWriters(), plan.appendWarmUp().toSeconds(), plan.warmUp().toSeconds(),
                plan.maxRuns(), plan.measureFor().toSeconds());
        printAppends(facts, run.appends());
        printReplays(run.replays());
        printLoads(run.loads());
        printRatios(plan, run.loads());
        printWarnings(run);
    }

    private void printAppends(RunFacts facts, List<AppendResult> appends) {
        out.printf("%nAppends: one event per transaction through RentalCards.append (the event at the card's version, its outbox"
                + " row, a snapshot every N events), as the service appends; latency from the decision to the commit. CPU in"
                + " cores of %d (bench JVM: the writers; outside: processes not of this benchmark).%n%n", facts.cores());
        out.printf("| %7s | %5s | %7s | %9s | %6s | %6s | %6s |", "writers", "cards", "appends", "appends/s", "p50 ms", "p99 ms",
                "max ms");
        CPU_COLUMNS.forEach(column -> out.printf(" %9s |", HEADINGS.getOrDefault(column, column)));
        out.printf("%n|%s:|%s:|%s:|%s:|%s:|%s:|%s:|", "-".repeat(8), "-".repeat(6), "-".repeat(8), "-".repeat(10), "-".repeat(7),
                "-".repeat(7), "-".repeat(7));
        CPU_COLUMNS.forEach(column -> out.printf("%s:|", "-".repeat(10)));
        out.println();
        for (AppendResult a : appends) {
            Latencies l = a.latencies();
            out.printf("| %7d | %5d | %7d | %9.0f | %6.2f | %6.2f | %6.1f |", a.writers(), a.cards(), a.appends(),
                    a.appendsPerSecond(), l.p50Ms(), l.p99Ms(), l.maxMs());
            CPU_COLUMNS.forEach(column -> out.printf(" %9.2f |", a.cpu().cores().get(column)));
            out.println();
        }
    }

    private void printReplays(List<ReplayResult> replays) {
        out.printf("%nReplay of one card's whole stream, from one thread:%n%n");
        out.printf("| %-58s | %6s | %4s | %7s | %7s | %8s | %8s |%n", "step", "events", "runs", "p50 ms", "p99 ms", "events/s",
                "µs/event");
        out.printf("|%s|%s:|%s:|%s:|%s:|%s:|%s:|%n", "-".repeat(60), "-".repeat(7), "-".repeat(5), "-".repeat(8), "-".repeat(8),
                "-".repeat(9), "-".repeat(9));
        for (ReplayResult r : replays) {
            Latencies l = r.timed().latencies();
            out.printf("| %-58s | %6d | %4d | %7.2f | %7.2f | %8.0f | %8.2f |%n", r.step(), r.events(), l.count(), l.p50Ms(),
                    l.p99Ms(), r.eventsPerSecond(), r.microsPerEvent());
        }
    }

    private void printLoads(List<LoadResult> loads) {
        out.printf("%nCard load, RentalCards.of(memberId) as every command and GET /api/rental-card load a card:"
                + " its latest snapshot (if any) and the events after it.%n%n");
        out.printf("| %-13s | %6s | %-30s | %5s | %6s | %6s | %6s |%n", "snapshots", "events", "reads", "loads", "p50 ms", "p99 ms",
                "max ms");
        out.printf("|%s|%s:|%s|%s:|%s:|%s:|%s:|%n", "-".repeat(15), "-".repeat(7), "-".repeat(32), "-".repeat(6), "-".repeat(7),
                "-".repeat(7), "-".repeat(7));
        for (LoadResult r : loads) {
            Latencies l = r.timed().latencies();
            out.printf("| %-13s | %6d | %-30s | %5d | %6.2f | %6.2f | %6.1f |%n", snapshots(r.path()), r.path().events(),
                    r.path().describe(), l.count(), l.p50Ms(), l.p99Ms(), l.maxMs());
        }
    }

    private void printRatios(EventStorePlan plan, List<LoadResult> loads) {
        out.printf("%nWhat a long history costs a card load (long card / %d-event card):%n%n", plan.smallCard());
        out.printf("| %-13s | %-15s | %7s | %7s | %-28s |%n", "snapshots", "events", "p50", "p99", "goal");
        out.printf("|%s|%s|%s:|%s:|%s|%n", "-".repeat(15), "-".repeat(17), "-".repeat(8), "-".repeat(8), "-".repeat(30));
        for (LoadResult small : loads) {
            if (small.path().events() != plan.smallCard()) {
                continue;
            }
            for (LoadResult large : loads) {
                if (large.path().snapshotEvery() != small.path().snapshotEvery() || large.path().events() == plan.smallCard()) {
                    continue;
                }
                double p50 = large.timed().latencies().p50Ms() / small.timed().latencies().p50Ms();
                double p99 = large.timed().latencies().p99Ms() / small.timed().latencies().p99Ms();
                out.printf("| %-13s | %-15s | %6.2f× | %6.2f× | %-28s |%n", snapshots(large.path()),
                        "%,d / %,d".formatted(large.path().events(), small.path().events()), p50, p99, goal(plan, large.path(), p50));
            }
        }
    }

    /** Only the long card of the plan with snapshots has a goal: the longest tail and the card without snapshots show how far from it. */
    private static String goal(EventStorePlan plan, LoadPath path, double p50) {
        if (!path.snapshots() || path.events() != plan.largeCard()) {
            return "—";
        }
        return "near 1 (p50 ≤ %.1f×): %s".formatted(NEAR_ONE, p50 <= NEAR_ONE ? "PASS" : "FAIL");
    }

    private void printWarnings(EventStoreRun run) {
        for (AppendResult a : run.appends()) {
            warnIfDisturbed(a.writers() + " writers appending", a.cpu());
        }
        for (ReplayResult r : run.replays()) {
            warnIfDisturbed("the replay step " + r.step(), r.timed().cpu());
        }
        for (LoadResult r : run.loads()) {
            warnIfDisturbed("the load of %,d events, snapshots %s".formatted(r.path().events(), snapshots(r.path())), r.timed().cpu());
        }
    }

    private void warnIfDisturbed(String measurement, CpuUse cpu) {
        double outside = cpu.cores().get("outside");
        if (outside > BUSY_OUTSIDE_CORES) {
            out.printf("%nWARNING: during %s processes outside the benchmark used %.2f cores: its figures are disturbed.%n",
                    measurement, outside);
        }
    }

    private static String snapshots(LoadPath path) {
        return path.snapshots() ? "on, every " + path.snapshotEvery() : "off";
    }
}
