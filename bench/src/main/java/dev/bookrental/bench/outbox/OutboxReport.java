package dev.bookrental.bench.outbox;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.RunFacts;

/**
 * Prints an outbox run as Markdown, readable on the console and ready for docs/measurements.md:
 * the facts, one row per round, where the CPU went, then the price of the outbox as outbox/plain
 * ratios and as added milliseconds.
 */
final class OutboxReport {

    /** The processes whose CPU is shown one by one. */
    static final List<String> PROCESSES = List.of(CpuMeter.THIS_JVM, "kafka", "postgres");
    private static final List<String> CPU_COLUMNS = List.of(CpuMeter.THIS_JVM, "kafka", "postgres", "outside", "idle");
    private static final Map<String, String> HEADINGS = Map.of(CpuMeter.THIS_JVM, "bench JVM");
    /** CPU used outside the benchmark above which a round's figures are flagged as disturbed, in cores. */
    private static final double BUSY_OUTSIDE_CORES = 0.2;

    private final PrintStream out;

    OutboxReport(PrintStream out) {
        this.out = out;
    }

    void print(RunFacts facts, OutboxPlan plan, List<RoundResult> results) {
        out.printf("%n## Outbox benchmark, %s%n%n", facts.date());
        facts.lines().forEach(line -> out.printf("- %s%n", line));
        out.printf("- %d sender threads; rounds, each way (plain, then outbox): %s%n", plan.senderThreads(),
                plan.stages().stream().map(OutboxReport::describe).collect(Collectors.joining("; ")));
        printRounds(results);
        printCpu(facts, results);
        printPrice(results);
    }

    private static String describe(Stage stage) {
        return "%s %,d messages%s%s".formatted(stage.name(), stage.messages(),
                stage.pace() instanceof Pace.Fixed fixed ? " at " + fixed.perSecond() + "/s" : "",
                stage.reported() ? "" : " (not reported)");
    }

    private void printRounds(List<RoundResult> results) {
        out.printf("%nEnd to end: messages/s from the first send to the last message consumed; latency from the message's"
                + " creation to its consumption, created when due (saturation: all at the start, so the latency is mostly"
                + " queueing; paced: at its scheduled time); sent after: when every send had returned.%n%n");
        out.printf("| %-16s | %-6s | %8s | %10s | %7s | %7s | %7s | %12s | %13s |%n", "round", "way", "messages", "messages/s",
                "p50 ms", "p99 ms", "max ms", "sent after s", "payload bytes");
        out.printf("|%s|%s|%s:|%s:|%s:|%s:|%s:|%s:|%s:|%n", "-".repeat(18), "-".repeat(8), "-".repeat(9), "-".repeat(11),
                "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(13), "-".repeat(14));
        for (RoundResult r : results) {
            out.printf("| %-16s | %-6s | %8d | %10.1f | %7.1f | %7.1f | %7.1f | %12.2f | %13.0f |%n", label(r), r.way(),
                    r.messages(), r.messagesPerSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.sendSeconds(), r.payloadBytes());
        }
    }

    private void printCpu(RunFacts facts, List<RoundResult> results) {
        out.printf("%nCPU from the first send to the last message consumed, in cores of %d (bench JVM: the sender threads,"
                + " the relay and the consumer; outside: processes not of this benchmark).%n%n", facts.cores());
        out.printf("| %-16s | %-6s |", "round", "way");
        CPU_COLUMNS.forEach(column -> out.printf(" %9s |", HEADINGS.getOrDefault(column, column)));
        out.printf(" %10s |%n", "CPU ms/msg");
        out.printf("|%s|%s|", "-".repeat(18), "-".repeat(8));
        CPU_COLUMNS.forEach(column -> out.printf("%s:|", "-".repeat(10)));
        out.printf("%s:|%n", "-".repeat(11));
        for (RoundResult r : results) {
            out.printf("| %-16s | %-6s |", label(r), r.way());
            CPU_COLUMNS.forEach(column -> out.printf(" %9.2f |", r.cpu().cores().get(column)));
            out.printf(" %10.3f |%n", r.cpuMsPerMessage());
        }
        for (RoundResult r : results) {
            double outside = r.cpu().cores().get("outside");
            if (outside > BUSY_OUTSIDE_CORES) {
                out.printf("%nWARNING: during %s %s processes outside the benchmark used %.2f cores: its figures are disturbed.%n",
                        label(r), r.way(), outside);
            }
        }
    }

    private void printPrice(List<RoundResult> results) {
        out.printf("%nThe price of the outbox (outbox/plain, and what it adds):%n%n");
        out.printf("| %-16s | %10s | %6s | %6s | %11s | %11s |%n", "round", "messages/s", "p50", "p99", "p50 added", "p99 added");
        out.printf("|%s|%s:|%s:|%s:|%s:|%s:|%n", "-".repeat(18), "-".repeat(11), "-".repeat(7), "-".repeat(7), "-".repeat(12),
                "-".repeat(12));
        for (RoundResult plain : results) {
            if (!plain.way().equals("plain")) {
                continue;
            }
            RoundResult outbox = results.stream().filter(r -> r.way().equals("outbox") && r.stage().equals(plain.stage()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No outbox round for " + label(plain)));
            out.printf("| %-16s | %9.2f× | %5.1f× | %5.1f× | %+8.1f ms | %+8.1f ms |%n", label(plain),
                    outbox.messagesPerSecond() / plain.messagesPerSecond(), outbox.p50Ms() / plain.p50Ms(),
                    outbox.p99Ms() / plain.p99Ms(), outbox.p50Ms() - plain.p50Ms(), outbox.p99Ms() - plain.p99Ms());
        }
    }

    private static String label(RoundResult result) {
        return result.stage().pace().label();
    }
}
