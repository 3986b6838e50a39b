package dev.bookrental.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.bookrental.launcher.Bookrental;
import dev.bookrental.launcher.Health;
import dev.bookrental.launcher.Jit;
import dev.bookrental.launcher.LaunchContext;
import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.SystemTopology;

/**
 * Runs the benchmarks ({@code ./bookrental bench}, see bench/README.md): boots the whole system
 * once with the {@code bench} profile under .run/bench, measures each backend direct and through
 * the gateway with wrk, prints the figures and ratios, and stops everything.
 */
public final class Benchmarks {

    private static final int GATEWAY_PORT = 8080;
    /**
     * What is measured, in which order and how long. The 20 ms backend first, on a system at rest:
     * its run is meant to leave the cores free, and the fast read leaves work behind (its garbage,
     * its compilations, and with tracing on a full Zipkin store whose collector takes a core).
     * 30 s of warm-up per route on 32 connections lets the JIT compile the hot paths (see {@link Plan}).
     */
    private static final Plan PLAN = new Plan(List.of(Backend.fixedDelay(), Backend.postgresRead()), 1,
            32, Duration.ofSeconds(30), Duration.ofSeconds(15));

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.err.println("Usage: bookrental bench   (takes no arguments; see bench/README.md)");
            System.exit(2);
        }
        if (Health.portOpen(GATEWAY_PORT)) {
            System.err.println("Port " + GATEWAY_PORT + " is already in use: is a Bookrental running (./bookrental up)? "
                    + "Stop it first; the benchmark starts a system of its own.");
            System.exit(1);
        }
        try {
            run(Wrk.installed());
        } catch (IllegalStateException e) {
            System.err.println("Benchmark failed: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Wrk wrk) throws Exception {
        Path home = Bookrental.home();
        LaunchContext context = new LaunchContext(home, home.resolve(".run").resolve("bench"), home.resolve("config"),
                List.of("bench"), Map.of(), Jit.THROUGHPUT); // C1 and C2: the code production would run
        RunningSystem system = RunningSystem.create(SystemTopology.bookrental(), context, Map.of(), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close)); // Ctrl-C stops the system too
        try {
            system.startAll();
            GatewayBenchmark benchmark = new GatewayBenchmark(wrk, system, new CpuMeter(system), System.out);
            BenchmarkRun run = benchmark.run(PLAN);
            new Report(System.out).print(Machine.describe(wrk.version(), system), PLAN, run);
        } finally {
            System.out.println("\nStopping the system …");
            system.close();
        }
    }
}
