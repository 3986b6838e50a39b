package dev.bookrental.bench;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints the results as Markdown tables, readable on the console and ready for
 * docs/measurements.md: the machine and settings, one row per measurement, where the CPU went,
 * then each gateway/direct ratio against its goal.
 */
final class Report {

    /** CPU used outside the benchmark above which its figures are flagged as disturbed, in cores. */
    private static final double BUSY_OUTSIDE_CORES = 0.2;

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void print(Machine machine, Plan plan, BenchmarkRun run) {
        out.printf("%n## Gateway benchmark, %s%n%n", machine.date());
        out.printf("- machine: %d cores, %s, %s%n", machine.cores(), machine.cpu(), machine.os());
        out.printf("- Java %s; services' JIT: %s%n", machine.java(), machine.jit());
        WarmUp warmUp = plan.warmUp();
        out.printf("- load: %s, %d thread, 127.0.0.1 only; per backend both routes warmed up on %d connections in rounds of %d s"
                        + " until a round compiled fewer than %d methods (%d s at least, %d at most), then each measured %d s%n",
                machine.wrk(), plan.threads(), warmUp.connections(), warmUp.round().toSeconds(), warmUp.quietCompilations(),
                warmUp.min().toSeconds(), warmUp.max().toSeconds(), plan.measured().toSeconds());
        printWarmUps(run.warmUps());
        printResults(run.measurements());
        printCpu(machine, run);
        printRatios(plan, run.measurements());
    }

    private void printWarmUps(List<Warmed> warmUps) {
        out.printf("%n| %-28s | %-7s | %6s | %-40s | %-8s |%n", "warm-up of", "route", "took s", "compilations per round", "JIT");
        out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(30), "-".repeat(9), "-".repeat(7) + ":", "-".repeat(42), "-".repeat(10));
        for (Warmed w : warmUps) {
            String rounds = w.compilationsPerRound().stream().map(String::valueOf).collect(Collectors.joining(" "));
            out.printf("| %-28s | %-7s | %6d | %-40s | %-8s |%n", w.backend().name(), w.route().label(), w.took().toSeconds(), rounds,
                    w.jitDone() ? "done" : "**busy**");
        }
    }

    private void printResults(List<Measurement> measurements) {
        out.printf("%n| %-28s | %-7s | %5s | %10s | %7s | %7s | %6s |%n", "backend", "route", "conns", "requests/s", "p50 ms", "p99 ms", "errors");
        out.printf("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(30), "-".repeat(9), "-".repeat(6) + ":", "-".repeat(11) + ":",
                "-".repeat(8) + ":", "-".repeat(8) + ":", "-".repeat(7) + ":");
        for (Measurement m : measurements) {
            WrkResult r = m.result();
            out.printf("| %-28s | %-7s | %5d | %10.1f | %7.1f | %7.1f | %6d |%n", m.backend().name(), m.route().label(),
                    m.backend().connections(), r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), r.errors());
        }
        for (Measurement m : measurements) {
            if (m.result().errors() > 0) {
                out.printf("%nWARNING: %s %s had %d errors (%d responses ≥ 400, %d socket errors): its figures are not valid.%n",
                        m.backend().name(), m.route().label(), m.result().errors(), m.result().statusErrors(), m.result().socketErrors());
            }
        }
    }

    private void printCpu(Machine machine, BenchmarkRun run) {
        out.printf("%nCPU while measuring, in cores of %d (others: the system's other components and the launcher; outside: processes"
                + " not of this benchmark). CPU ms/req: beyond the use at rest, on the request's path.%n%n", machine.cores());
        Collection<String> columns = run.atRest().cores().keySet();
        out.printf("| %-28s | %-7s |", "backend", "route");
        columns.forEach(column -> out.printf(" %8s |", column));
        out.printf(" %18s | %15s |%n", "gateway CPU ms/req", "book CPU ms/req");
        out.printf("|%s|%s|", "-".repeat(30), "-".repeat(9));
        columns.forEach(column -> out.printf("%s:|", "-".repeat(9)));
        out.printf("%s:|%s:|%n", "-".repeat(19), "-".repeat(16));
        printCpuRow("(at rest, no load)", "", run.atRest());
        out.printf(" %18s | %15s |%n", "", "");
        for (Measurement m : run.measurements()) {
            printCpuRow(m.backend().name(), m.route().label(), m.cpu());
            String gateway = m.route() == Route.GATEWAY ? "%.2f".formatted(run.netCpuMsPerRequest(m, "gateway")) : "—";
            out.printf(" %18s | %15.2f |%n", gateway, run.netCpuMsPerRequest(m, "book"));
        }
        for (Measurement m : run.measurements()) {
            double outside = m.cpu().cores().get("outside");
            if (outside > BUSY_OUTSIDE_CORES) {
                out.printf("%nWARNING: during %s %s processes outside the benchmark used %.2f cores: its figures are disturbed.%n",
                        m.backend().name(), m.route().label(), outside);
            }
        }
    }

    private void printCpuRow(String backend, String route, CpuUse cpu) {
        out.printf("| %-28s | %-7s |", backend, route);
        cpu.cores().values().forEach(cores -> out.printf(" %8.2f |", cores));
    }

    private void printRatios(Plan plan, List<Measurement> measurements) {
        out.printf("%n| %-28s | %-25s | %6s | %7s | %-6s |%n", "backend", "ratio", "value", "goal", "result");
        out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(30), "-".repeat(27), "-".repeat(7) + ":", "-".repeat(8) + ":", "-".repeat(8));
        for (Backend backend : plan.backends()) {
            WrkResult direct = find(measurements, backend, Route.DIRECT);
            WrkResult gateway = find(measurements, backend, Route.GATEWAY);
            for (Ratio ratio : Ratio.values()) {
                double value = ratio.of(direct, gateway);
                Optional<Goal> goal = backend.goals().stream().filter(g -> g.ratio() == ratio).findFirst();
                out.printf("| %-28s | %-25s | %5.2f× | %7s | %-6s |%n", backend.name(), ratio.label(), value,
                        goal.map(Goal::describe).orElse("—"), goal.map(g -> g.isMet(value) ? "PASS" : "FAIL").orElse("—"));
            }
        }
    }

    private static WrkResult find(List<Measurement> measurements, Backend backend, Route route) {
        return measurements.stream().filter(m -> m.backend().equals(backend) && m.route() == route)
                .findFirst().orElseThrow().result();
    }
}
