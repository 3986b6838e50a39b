package dev.bookrental.bench.outbox;

import java.util.List;

/**
 * What one run of the outbox benchmark does: its stages, in order, and how many threads send,
 * like as many requests of a service changing state at once.
 */
record OutboxPlan(int senderThreads, List<Stage> stages) {

    /**
     * A warm-up round each way as large as the burst (JIT, connection pool, broker and database
     * caches: with 20,000 messages the plain way's throughput in the burst after it varied from
     * 13,000 to 22,000 per second between runs), then the same 50,000 messages each way at
     * saturation, then 10,000 at 500 per second (20 s each way). About two minutes on two cores,
     * start and stop included.
     */
    static OutboxPlan standard() {
        return new OutboxPlan(8, List.of(
                new Stage("warm-up", new Pace.Saturation(), 50_000, false),
                new Stage("saturation", new Pace.Saturation(), 50_000, true),
                new Stage("paced", new Pace.Fixed(500), 10_000, true)));
    }

    /** The most messages one round sends: how many distinct events to prepare. */
    int largestRound() {
        return stages.stream().mapToInt(Stage::messages).max().orElse(0);
    }
}
