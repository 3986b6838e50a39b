package dev.bookrental.bench;

import java.time.Duration;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.bookrental.bench.eventstore.EventStoreBenchmarks;
import dev.bookrental.bench.logs.LogsBenchmark;
import dev.bookrental.bench.outbox.OutboxBenchmarks;
import dev.bookrental.bench.readside.ReadSideBenchmark;
import dev.bookrental.bench.saga.SagaBenchmarks;
import dev.bookrental.launcher.Bookrental;
import dev.bookrental.launcher.Health;
import dev.bookrental.launcher.SystemTopology;
import dev.bookrental.launcher.signin.AuthClient;

/**
 * Runs the benchmarks ({@code ./bookrental bench [gateway|outbox|eventstore|saga]}, see bench/README.md), all of
 * them when none is named, one after the other.
 *
 * <ul>
 * <li>{@code gateway}: boots the whole system once with the {@code bench} profile under .run/bench,
 * measures each backend direct and through the gateway with wrk, without and with a member's access
 * token, prints the figures and ratios, and stops everything.</li>
 * <li>{@code outbox}: {@link OutboxBenchmarks}, the same messages sent plainly and through the
 * transactional outbox on one Kafka broker and PostgreSQL.</li>
 * <li>{@code eventstore}: {@link EventStoreBenchmarks}, rental's event store on PostgreSQL: append
 * and replay rates, and the load of short and long cards with snapshots and without.</li>
 * <li>{@code saga}: {@link SagaBenchmarks}, the rent saga's throughput, latency and CPU per saga
 * through the whole system, booted once like the gateway benchmark's.</li>
 * <li>{@code logs}: {@link LogsBenchmark}, how long a log line takes to become searchable in the
 * central logs, and the memory of OpenSearch and the shipper.</li>
 * <li>{@code readside}: {@link ReadSideBenchmark}, the read side's projection lag under a steady load,
 * and the latency of a book detail composed from four calls against the read side's dashboard, with
 * book up and down.</li>
 * </ul>
 */
public final class Benchmarks {

    private static final List<String> NAMES = List.of("gateway", "observability", "outbox", "eventstore", "saga", "logs", "readside");
    private static final int GATEWAY_PORT = 8080;
    /**
     * What is measured, in which order and how long. The 20 ms backend first, on a system at rest:
     * its run is meant to leave the cores free, and the fast read leaves work behind (its garbage,
     * its compilations, and with tracing on a full Zipkin store whose collector takes a core).
     * Each route is warmed up on 32 connections in rounds of 10 s until its JIT is done (a round
     * compiles fewer than 40 methods in its JVMs), 30 s at least and 4 minutes at most (see {@link WarmUp}).
     * Each backend is measured without a token (issue 2's rows), then with a member's token (issue 5).
     */
    private static final Plan PLAN = new Plan(List.of(Backend.fixedDelay(), Backend.postgresRead()), List.of(Token.NONE, Token.MEMBER), 1,
            new WarmUp(32, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(4), 40), Duration.ofSeconds(15));

    /** Issue 2's rows (no token) on two boots: every observation off, then tracing and metrics on. */
    private static final Plan OBSERVABILITY_PLAN = new Plan(PLAN.backends(), List.of(Token.NONE), PLAN.threads(), PLAN.warmUp(),
            PLAN.measured());

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> chosen = args.length == 0 ? NAMES : List.of(args);
        if (args.length > 1 || !NAMES.containsAll(chosen)) {
            System.err.println("""
                    Usage: bookrental bench [gateway|observability|outbox|eventstore|saga|logs|readside]   (see bench/README.md)
                      gateway     the gateway's cost: the same requests direct and through the gateway, without and with a JWT (wrk, about 15 min)
                      observability  what tracing and metrics cost on the gateway benchmark: two boots, observations off and on (about 25 min)
                      outbox      the outbox's cost: the same messages sent plainly and through the outbox (about 2 min)
                      eventstore  rental's event store: append and replay rates, card loads with and without snapshots (about 3 min)
                      saga        the rent saga's throughput, latency and CPU per saga (about 5 min)
                      logs        central logs: a log line's time to become searchable, p50/p99 (about 3 min)
                      readside    projection lag p50/p99 under a steady load; book detail (composition) against dashboard (read side), book up and down (about 12 min)
                      (none)      all of them, one after the other""");
            System.exit(2);
        }
        Map<Integer, String> ports = new TreeMap<>();
        if (chosen.contains("gateway") || chosen.contains("observability") || chosen.contains("saga") || chosen.contains("logs")
                || chosen.contains("readside")) {
            ports.put(GATEWAY_PORT, "the gateway");
        }
        if (chosen.contains("outbox")) {
            ports.putAll(OutboxBenchmarks.PORTS);
        }
        if (chosen.contains("eventstore")) {
            ports.putAll(EventStoreBenchmarks.PORTS);
        }
        for (Map.Entry<Integer, String> port : ports.entrySet()) {
            if (Health.portOpen(port.getKey())) {
                System.err.println("Port " + port.getKey() + " (" + port.getValue() + ") is already in use: is a Bookrental running"
                        + " (./bookrental up)? Stop it first; the benchmark starts what it measures itself.");
                System.exit(1);
            }
        }
        try {
            if (chosen.contains("gateway")) {
                gateway(Wrk.installed());
            }
            if (chosen.contains("observability")) {
                observability(Wrk.installed());
            }
            if (chosen.contains("outbox")) {
                OutboxBenchmarks.run(Bookrental.home(), System.out);
            }
            if (chosen.contains("eventstore")) {
                EventStoreBenchmarks.run(Bookrental.home(), System.out);
            }
            if (chosen.contains("saga")) {
                SagaBenchmarks.run(Bookrental.home(), System.out);
            }
            if (chosen.contains("logs")) {
                LogsBenchmark.run(Bookrental.home(), System.out);
            }
            if (chosen.contains("readside")) {
                ReadSideBenchmark.run(Bookrental.home(), System.out);
            }
        } catch (IllegalStateException e) {
            System.err.println("Benchmark failed: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("Benchmark failed:");
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void gateway(Wrk wrk) throws Exception {
        measureOnOneBoot(wrk, PLAN, List.of("bench"), true);
    }

    /**
     * Issue 2's rows on a boot with every observation off, then on a boot observed as the system
     * runs by default (every request traced to Zipkin, metrics on), and the comparison.
     */
    private static void observability(Wrk wrk) throws Exception {
        var without = new ObservabilityCost.Boot("unobserved", measureOnOneBoot(wrk, OBSERVABILITY_PLAN, List.of("bench", "bench-unobserved"), false));
        var with = new ObservabilityCost.Boot("observed", measureOnOneBoot(wrk, OBSERVABILITY_PLAN, List.of("bench", "bench-observed"), false));
        new ObservabilityCost(System.out).print(OBSERVABILITY_PLAN, without, with);
    }

    /**
     * What the gateway benchmarks boot: the measured path (gateway, book and their dependencies:
     * config-server, discovery, Kafka, PostgreSQL, Redis), auth for the rows with a token, and Zipkin
     * for the traced boot — issue 2's set. Not the components no measured request touches (admin,
     * the log shipper and OpenSearch, the read side, member, rental, the BFFs): together they use
     * about 0.7 of the two cores while the system is at rest (admin's polling, the shipper, OpenSearch,
     * Kafka consumers), CPU the measurement would count against whichever route ran at the time.
     */
    private static final String[] MEASURED_PATH = {"gateway", "book", "auth", "zipkin"};

    /**
     * Boots the measured path with {@code profiles}, runs {@code plan} on it, prints its report and stops it.
     *
     * @param member whether to register and sign in a member for the rows with a token
     */
    private static BenchmarkRun measureOnOneBoot(Wrk wrk, Plan plan, List<String> profiles, boolean member) throws Exception {
        System.out.printf("%nBooting the system with profiles %s%n", profiles);
        return OnOneBoot.measure(Bookrental.home(), SystemTopology.bookrental().only(MEASURED_PATH), profiles, System.out, system -> {
            GatewayBenchmark benchmark = new GatewayBenchmark(wrk, system, new CpuMeter(system, CpuMeter.GATEWAY_PATH),
                    member ? benchMember() : null, System.out);
            BenchmarkRun run = benchmark.run(plan);
            new Report(System.out).print(Machine.describe(wrk.version(), system), plan, run);
            return run;
        });
    }

    /** A member registered at auth for this run and signed in: whose token the rows with a JWT carry. */
    private static SignedInUser benchMember() {
        AuthClient auth = new AuthClient(AuthClient.LOCAL);
        String username = "gateway-bench-" + HexFormat.of().toHexDigits(UUID.randomUUID().getMostSignificantBits());
        String password = "Gateway-Bench-" + UUID.randomUUID();
        auth.register(username, password, "Gateway Bench");
        return SignedInUser.signIn(auth, username, password);
    }
}
