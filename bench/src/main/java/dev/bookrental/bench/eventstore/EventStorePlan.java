package dev.bookrental.bench.eventstore;

import java.time.Duration;
import java.util.List;

/**
 * What one run of the event store benchmark does.
 *
 * @param writerThreads    the append rounds, one per count of concurrent writers, in order
 * @param streamsPerWriter how many cards (streams) each writer appends to in turn; writers never share one
 * @param appendWarmUp     an append round with the most writers first, not reported (JIT, pool, caches)
 * @param appendRound      how long each reported append round runs
 * @param smallCard        events of the short card
 * @param largeCard        events of the long card
 * @param warmUp           each card load and replay is run this long before it is timed
 * @param measureFor       then timed this long …
 * @param maxRuns          … or this many times, whichever comes first
 */
record EventStorePlan(List<Integer> writerThreads, int streamsPerWriter, Duration appendWarmUp, Duration appendRound,
        int smallCard, int largeCard, Duration warmUp, Duration measureFor, int maxRuns) {

    /**
     * 1 and 8 writers for 10 s each after a warm-up of 5 s; cards of 10 and 10,000 events; each
     * load and replay warmed up 2 s, then timed 20,000 times or 8 s: a load of a few hundred
     * microseconds is timed thousands of times, so that a pause of the machine's or a background
     * job of PostgreSQL does not make the 99th percentile, and a replay of 10,000 events (about a
     * tenth of a second) is still timed 60 times or more. About two minutes on two cores.
     */
    static EventStorePlan standard() {
        return new EventStorePlan(List.of(1, 8), 25, Duration.ofSeconds(5), Duration.ofSeconds(10), 10, 10_000,
                Duration.ofSeconds(2), Duration.ofSeconds(8), 20_000);
    }

    int mostWriters() {
        return writerThreads.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
