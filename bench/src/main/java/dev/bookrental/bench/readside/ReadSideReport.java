package dev.bookrental.bench.readside;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

import dev.bookrental.launcher.RunningSystem;

/** Prints the read-side benchmark's figures as Markdown tables, ready for docs/measurements.md. */
final class ReadSideReport {

    private final PrintStream out;

    ReadSideReport(PrintStream out) {
        this.out = out;
    }

    void print(RunningSystem system, ProjectionLag.Result lag, Map<String, Double> ownDelay, List<Paced.Result> reads) {
        out.printf("%n## Read-side benchmark, %s%n%n", ReadSideBenchmark.now());
        out.printf("- %s; profile `bench` (no tracing), outbox relay poll interval as configured%n", ReadSideBenchmark.machine(system));
        out.printf("- open loop on a fixed schedule (latency from the moment a request was due), through the gateway on"
                + " 127.0.0.1; warm-up %d s with every load below at once%n", ReadSideBenchmark.WARM_UP.toSeconds());

        out.printf("%n### Projection lag: write accepted → visible in the read view%n%n");
        out.printf("Points top-ups (`POST /api/members/me/points`, %d members in turn) at %d/s for %d s; from each 200 the"
                + " member's dashboard is read straight from rental-query, one poller per member, every %d ms for the first"
                + " %d s and every %d ms after, until it shows the new balance (so the lag includes up to one poll"
                + " interval).%n%n", ReadSideBenchmark.MEMBERS, lag.perSecond(), lag.duration().toSeconds(), ProjectionLag.POLL_MS,
                ProjectionLag.FAST_POLLING.toSeconds(), ProjectionLag.SLOW_POLL_MS);
        out.printf("| | count | p50 ms | p99 ms | max ms |%n|---|--:|--:|--:|--:|%n");
        row("write accepted → visible in the dashboard", lag.lagMicros());
        row("the write itself (POST → 200)", lag.writeMicros());
        out.printf("%nOutcomes: %s%n", lag.outcomes());
        if (!ownDelay.isEmpty()) {
            out.printf("%nrental-query's own metric `bookrental_projection_delay_seconds` right after (event published → view"
                    + " committed, its recent window), ms: %s%n", ownDelay);
        }

        out.printf("%n### API composition against the read side: latency%n%n");
        out.printf("| request | rate | count | p50 ms | p99 ms | max ms | outcomes |%n|---|--:|--:|--:|--:|--:|---|%n");
        for (Paced.Result read : reads) {
            out.printf("| %s | %d/s | %d | %.1f | %.1f | %.1f | %s |%n", read.name(), read.perSecond(), read.count(),
                    read.millis(50), read.millis(99), read.micros().getMaxValue() / 1000.0, read.outcomes());
        }
        out.printf("%nBook detail: `GET /bff/web/api/books/{id}` with a member's session (bff-web asks book twice, rental-query"
                + " and rental through the gateway at once; rental asks book and member). Dashboard: `GET /api/members/me/dashboard`"
                + " with the member's token (one query of rental-query).%n");
    }

    private void row(String name, Histogram micros) {
        out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", name, micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0);
    }
}
