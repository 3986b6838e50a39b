package dev.bookrental.bench.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.CpuUse;
import dev.bookrental.bench.RunFacts;

class EventStoreReportTests {

    private static final RunFacts FACTS = new RunFacts("2026-11-27 08:00 UTC", 2, List.of("machine: 2 cores"));
    private static final EventStorePlan PLAN = EventStorePlan.standard();
    private static final List<AppendResult> APPENDS = List.of(
            new AppendResult(1, 25, 5_000, 10.0, new Latencies(5_000, 1.9, 4.2, 12.5), cpu(0.0)),
            new AppendResult(8, 200, 20_000, 10.0, new Latencies(20_000, 3.5, 11.0, 40.0), cpu(0.0)));
    private static final List<ReplayResult> REPLAYS = List.of(
            new ReplayResult("read (EventStore.load)", 10_000, timed(20.0, 30.0, 0.0)),
            new ReplayResult("read, decode, apply (RentalCards.replayedInFull)", 10_000, timed(50.0, 80.0, 0.0)));

    @Test
    void printsTheFactsAppendsReplaysAndLoads() {
        String report = print(loads(0.9, 1.2, 0.0));

        assertThat(report).contains("## Event store benchmark, 2026-11-27 08:00 UTC", "- machine: 2 cores",
                "- append rounds of 1 and 8 writers, each on 25 cards of its own, 10 s each after a warm-up round (8 writers, 5 s,"
                        + " not reported); loads and replays from one thread, warmed up 2 s, then timed 20,000 times or 8 s");
        // 20,000 appends in 10 s; bench JVM 1.0, postgres 0.5 cores
        assertThat(report).contains("|       8 |   200 |   20000 |      2000 |   3.50 |  11.00 |   40.0 |      1.00 |      0.50 |      0.00 |      0.50 |");
        // 10,000 events in 50 ms at the median: 200,000 events/s, 5 µs each
        assertThat(report).contains("| read, decode, apply (RentalCards.replayedInFull)           |  10000 |  100 |   50.00 |   80.00 |   200000 |     5.00 |");
        assertThat(report).contains(
                "| on, every 50  |  10000 | snapshot at 10,000 + 0 events  |   100 |   0.90 |   1.80 |    1.8 |",
                "| off           |     10 | 10 events                      |   100 |   1.00 |   2.00 |    2.0 |");
    }

    @Test
    void comparesEachLongCardToTheShortOneWithTheSameSnapshotsAndJudgesTheGoal() {
        String report = print(loads(0.9, 1.2, 0.0));

        assertThat(report).contains(
                "| on, every 50  | 10,000 / 10     |   0.90× |   0.90× | near 1 (p50 ≤ 1.5×): PASS    |",
                "| on, every 50  | 10,049 / 10     |   1.20× |   1.20× | —                            |",
                "| off           | 10,000 / 10     |  60.00× |  60.00× | —                            |");
        assertThat(report).doesNotContain("FAIL", "WARNING");
    }

    @Test
    void aLongCardFarSlowerThanAShortOneWithSnapshotsFailsTheGoal() {
        assertThat(print(loads(1.6, 1.7, 0.0))).contains("| on, every 50  | 10,000 / 10     |   1.60× |   1.60× | near 1 (p50 ≤ 1.5×): FAIL    |");
    }

    @Test
    void flagsMeasurementsDuringWhichOtherProcessesWereBusy() {
        assertThat(print(loads(0.9, 1.2, 0.5))).contains(
                "WARNING: during the load of 10,000 events, snapshots off processes outside the benchmark used 0.50 cores");
    }

    /**
     * Cards of 10 events load in 1 ms, of 10,000 in {@code large} ms with snapshots and 60 ms without
     * (while other processes used {@code outside} cores), the longest tail in {@code tail} ms.
     */
    private static List<LoadResult> loads(double large, double tail, double outside) {
        return List.of(
                new LoadResult(new LoadPath(10, 50), timed(1.0, 2.0, 0.0)),
                new LoadResult(new LoadPath(10_000, 50), timed(large, 2.0 * large, 0.0)),
                new LoadResult(new LoadPath(10_049, 50), timed(tail, 2.0 * tail, 0.0)),
                new LoadResult(new LoadPath(10, 0), timed(1.0, 2.0, 0.0)),
                new LoadResult(new LoadPath(10_000, 0), timed(60.0, 120.0, outside)));
    }

    private static String print(List<LoadResult> loads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new EventStoreReport(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(FACTS, PLAN,
                new EventStoreRun(APPENDS, REPLAYS, loads));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Timed timed(double p50, double p99, double outside) {
        return new Timed(new Latencies(100, p50, p99, p99), cpu(outside));
    }

    private static CpuUse cpu(double outside) {
        Map<String, Double> cores = new LinkedHashMap<>();
        cores.put(CpuMeter.THIS_JVM, 1.0);
        cores.put("postgres", 0.5);
        cores.put("others", 0.0);
        cores.put("outside", outside);
        cores.put("idle", 0.5 - outside);
        return new CpuUse(10.0, cores);
    }
}
