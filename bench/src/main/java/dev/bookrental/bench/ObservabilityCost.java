package dev.bookrental.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * Issue 6's question about issue 2's benchmark: what tracing and metrics cost. The same plan is run
 * on two boots of the system, one with every observation off (profile {@code bench-unobserved}: no
 * metrics, no spans) and one observed as the system runs by default (profile
 * {@code bench-observed}: every request traced and reported to Zipkin, metrics on); this prints,
 * per backend and route, the observed figures over the unobserved ones, and the gateway/direct
 * ratio of each boot.
 */
final class ObservabilityCost {

    /** One boot's measurements, named by its observability. */
    record Boot(String name, BenchmarkRun run) {
    }

    private final PrintStream out;

    ObservabilityCost(PrintStream out) {
        this.out = out;
    }

    void print(Plan plan, Boot without, Boot with) {
        out.printf("%n## What tracing and metrics cost: %s / %s%n", with.name(), without.name());
        out.printf("%n| %-35s | %-7s | %22s | %9s | %22s | %22s |%n", "backend", "route", "requests/s with/without", "p99 ratio",
                "gateway CPU ms/req ±", "book CPU ms/req ±");
        out.printf("|%s|%s|%s|%s|%s|%s|%n", "-".repeat(37), "-".repeat(9), "-".repeat(23) + ":", "-".repeat(10) + ":",
                "-".repeat(23) + ":", "-".repeat(23) + ":");
        for (Backend backend : plan.backends()) {
            for (Route route : Route.values()) {
                Measurement off = find(without.run(), backend, route);
                Measurement on = find(with.run(), backend, route);
                String gatewayCpu = route == Route.GATEWAY ? "%+.2f".formatted(with.run().netCpuMsPerRequest(on, "gateway")
                        - without.run().netCpuMsPerRequest(off, "gateway")) : "—";
                out.printf("| %-35s | %-7s | %21.2f× | %8.2f× | %22s | %22s |%n", backend.name(), route.label(),
                        on.result().requestsPerSecond() / off.result().requestsPerSecond(), on.result().p99Ms() / off.result().p99Ms(),
                        gatewayCpu, "%+.2f".formatted(with.run().netCpuMsPerRequest(on, "book") - without.run().netCpuMsPerRequest(off, "book")));
            }
        }
        out.printf("%n| %-35s | %-25s | %12s | %12s |%n", "backend", "ratio", without.name(), with.name());
        out.printf("|%s|%s|%s|%s|%n", "-".repeat(37), "-".repeat(27), "-".repeat(13) + ":", "-".repeat(13) + ":");
        for (Backend backend : plan.backends()) {
            for (Ratio ratio : Ratio.values()) {
                out.printf("| %-35s | %-25s | %11.2f× | %11.2f× |%n", backend.name(), ratio.label(),
                        ratio.of(find(without.run(), backend, Route.DIRECT).result(), find(without.run(), backend, Route.GATEWAY).result()),
                        ratio.of(find(with.run(), backend, Route.DIRECT).result(), find(with.run(), backend, Route.GATEWAY).result()));
            }
        }
    }

    private static Measurement find(BenchmarkRun run, Backend backend, Route route) {
        List<Measurement> found = run.measurements().stream()
                .filter(m -> m.backend().equals(backend) && m.route() == route && m.token() == Token.NONE).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one measurement of " + backend.name() + " " + route.label() + ", found " + found.size());
        }
        return found.getFirst();
    }
}
