package dev.bookrental.bench;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints the results as Markdown tables, readable on the console and ready for
 * docs/measurements.md: the machine and settings, one row per measurement, where the CPU went,
 * then each gateway/direct ratio against its goal, without and with a token, and what the token
 * costs (with/without ratios, and whether each route validated it).
 */
final class Report {

    /** CPU used outside the benchmark above which its figures are flagged as disturbed, in cores. */
    private static final double BUSY_OUTSIDE_CORES = 0.2;
    /** The backend column: wide enough for the longest name with " with JWT". */
    private static final int NAME = 35;

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
        if (plan.tokens().contains(Token.MEMBER)) {
            out.printf("- with JWT: every request carries the access token of a member (RS256, signed in through auth's login"
                    + " page just before the measurements), validated by the gateway and by book%n");
        }
        printWarmUps(run.warmUps());
        printResults(run.measurements());
        printCpu(machine, run);
        printRatios(plan, run.measurements());
        if (plan.tokens().containsAll(List.of(Token.NONE, Token.MEMBER))) {
            printTokenCost(plan, run);
        }
        printTokenChecks(run.tokenChecks());
    }

    private void printWarmUps(List<Warmed> warmUps) {
        out.printf("%n| %-" + NAME + "s | %-7s | %6s | %-40s | %-8s |%n", "warm-up of", "route", "took s", "compilations per round", "JIT");
        out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(NAME + 2), "-".repeat(9), "-".repeat(7) + ":", "-".repeat(42), "-".repeat(10));
        for (Warmed w : warmUps) {
            String rounds = w.compilationsPerRound().stream().map(String::valueOf).collect(Collectors.joining(" "));
            out.printf("| %-" + NAME + "s | %-7s | %6d | %-40s | %-8s |%n", w.label(), w.route().label(), w.took().toSeconds(), rounds,
                    w.jitDone() ? "done" : "**busy**");
        }
    }

    private void printResults(List<Measurement> measurements) {
        out.printf("%n| %-" + NAME + "s | %-7s | %5s | %10s | %7s | %7s | %6s |%n", "backend", "route", "conns", "requests/s", "p50 ms",
                "p99 ms", "errors");
        out.printf("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(NAME + 2), "-".repeat(9), "-".repeat(6) + ":", "-".repeat(11) + ":",
                "-".repeat(8) + ":", "-".repeat(8) + ":", "-".repeat(7) + ":");
        for (Measurement m : measurements) {
            WrkResult r = m.result();
            out.printf("| %-" + NAME + "s | %-7s | %5d | %10.1f | %7.1f | %7.1f | %6d |%n", m.label(), m.route().label(),
                    m.backend().connections(), r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), r.errors());
        }
        for (Measurement m : measurements) {
            if (m.result().errors() > 0) {
                out.printf("%nWARNING: %s %s had %d errors (%d responses ≥ 400, %d socket errors): its figures are not valid.%n",
                        m.label(), m.route().label(), m.result().errors(), m.result().statusErrors(), m.result().socketErrors());
            }
        }
    }

    private void printCpu(Machine machine, BenchmarkRun run) {
        out.printf("%nCPU while measuring, in cores of %d (others: the system's other components and the launcher; outside: processes"
                + " not of this benchmark). CPU ms/req: beyond the use at rest, on the request's path.%n%n", machine.cores());
        Collection<String> columns = run.atRest().cores().keySet();
        out.printf("| %-" + NAME + "s | %-7s |", "backend", "route");
        columns.forEach(column -> out.printf(" %8s |", column));
        out.printf(" %18s | %15s |%n", "gateway CPU ms/req", "book CPU ms/req");
        out.printf("|%s|%s|", "-".repeat(NAME + 2), "-".repeat(9));
        columns.forEach(column -> out.printf("%s:|", "-".repeat(9)));
        out.printf("%s:|%s:|%n", "-".repeat(19), "-".repeat(16));
        printCpuRow("(at rest, no load)", "", run.atRest());
        out.printf(" %18s | %15s |%n", "", "");
        for (Measurement m : run.measurements()) {
            printCpuRow(m.label(), m.route().label(), m.cpu());
            String gateway = m.route() == Route.GATEWAY ? "%.2f".formatted(run.netCpuMsPerRequest(m, "gateway")) : "—";
            out.printf(" %18s | %15.2f |%n", gateway, run.netCpuMsPerRequest(m, "book"));
        }
        for (Measurement m : run.measurements()) {
            double outside = m.cpu().cores().get("outside");
            if (outside > BUSY_OUTSIDE_CORES) {
                out.printf("%nWARNING: during %s %s processes outside the benchmark used %.2f cores: its figures are disturbed.%n",
                        m.label(), m.route().label(), outside);
            }
        }
    }

    private void printCpuRow(String backend, String route, CpuUse cpu) {
        out.printf("| %-" + NAME + "s | %-7s |", backend, route);
        cpu.cores().values().forEach(cores -> out.printf(" %8.2f |", cores));
    }

    /** Gateway/direct per backend and token; the goals (issue 2's) are for the requests without a token. */
    private void printRatios(Plan plan, List<Measurement> measurements) {
        out.printf("%n| %-" + NAME + "s | %-25s | %6s | %7s | %-6s |%n", "backend", "ratio", "value", "goal", "result");
        out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(NAME + 2), "-".repeat(27), "-".repeat(7) + ":", "-".repeat(8) + ":", "-".repeat(8));
        for (Backend backend : plan.backends()) {
            for (Token token : plan.tokens()) {
                WrkResult direct = find(measurements, backend, Route.DIRECT, token).result();
                WrkResult gateway = find(measurements, backend, Route.GATEWAY, token).result();
                for (Ratio ratio : Ratio.values()) {
                    double value = ratio.of(direct, gateway);
                    Optional<Goal> goal = token == Token.NONE ? backend.goals().stream().filter(g -> g.ratio() == ratio).findFirst()
                            : Optional.empty();
                    out.printf("| %-" + NAME + "s | %-25s | %5.2f× | %7s | %-6s |%n", token.label(backend), ratio.label(), value,
                            goal.map(Goal::describe).orElse("—"), goal.map(g -> g.isMet(value) ? "PASS" : "FAIL").orElse("—"));
                }
            }
        }
    }

    /**
     * What the token costs on each route: requests/s and p99 with/without it, and the CPU per request
     * it adds in gateway and book (beyond the use at rest, with minus without).
     */
    private void printTokenCost(Plan plan, BenchmarkRun run) {
        out.printf("%nWhat the token costs: with JWT / without, and the CPU ms a request costs more with it.%n");
        out.printf("%n| %-" + NAME + "s | %-7s | %16s | %9s | %18s | %15s |%n", "backend", "route", "requests/s ratio", "p99 ratio",
                "gateway CPU ms/req", "book CPU ms/req");
        out.printf("|%s|%s|%s|%s|%s|%s|%n", "-".repeat(NAME + 2), "-".repeat(9), "-".repeat(17) + ":", "-".repeat(10) + ":",
                "-".repeat(19) + ":", "-".repeat(16) + ":");
        for (Backend backend : plan.backends()) {
            for (Route route : Route.values()) {
                Measurement without = find(run.measurements(), backend, route, Token.NONE);
                Measurement with = find(run.measurements(), backend, route, Token.MEMBER);
                String gatewayCpu = route == Route.GATEWAY ? "%+.2f".formatted(run.netCpuMsPerRequest(with, "gateway")
                        - run.netCpuMsPerRequest(without, "gateway")) : "—";
                out.printf("| %-" + NAME + "s | %-7s | %15.2f× | %8.2f× | %18s | %15s |%n", backend.name(), route.label(),
                        with.result().requestsPerSecond() / without.result().requestsPerSecond(),
                        with.result().p99Ms() / without.result().p99Ms(), gatewayCpu,
                        "%+.2f".formatted(run.netCpuMsPerRequest(with, "book") - run.netCpuMsPerRequest(without, "book")));
            }
        }
    }

    /** Whether gateway and book validated a token presented on an open path (the member's, its signature broken). */
    private void printTokenChecks(List<TokenCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        out.printf("%nA member's token with a broken signature, sent once to an open path before the rows with JWT:%n%n");
        for (TokenCheck check : checks) {
            out.printf("- %s at %s: %d, %s%n", check.service(), check.url(), check.forgedTokenStatus(), check.validates()
                    ? "it validates a token presented on an open path"
                    : "**it ignores a token on an open path**: the rows with JWT measure no validation in " + check.service());
        }
    }

    private static Measurement find(List<Measurement> measurements, Backend backend, Route route, Token token) {
        return measurements.stream().filter(m -> m.backend().equals(backend) && m.route() == route && m.token() == token)
                .findFirst().orElseThrow(() -> new IllegalStateException("No measurement of " + token.label(backend) + " " + route.label()));
    }
}
