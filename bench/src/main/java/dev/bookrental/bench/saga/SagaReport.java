package dev.bookrental.bench.saga;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.Machine;
import dev.bookrental.bench.SignedInUser;
import dev.bookrental.launcher.RunningSystem;

/**
 * Prints the saga benchmark's figures as Markdown: the facts of the run, throughput and latency
 * per concurrency, then where the CPU went, in cores and as CPU milliseconds per completed saga.
 */
final class SagaReport {

    /** The processes whose CPU is shown one by one, in the order of a saga's path. */
    static final List<String> PROCESSES = List.of("gateway", "rental", "book", "member", "kafka", "postgres", CpuMeter.THIS_JVM);
    private static final List<String> CPU_COLUMNS = List.of("gateway", "rental", "book", "member", "kafka", "postgres",
            CpuMeter.THIS_JVM, "others", "outside", "idle");

    private final PrintStream out;

    SagaReport(PrintStream out) {
        this.out = out;
    }

    void print(RunningSystem system, List<SagaLoad.Result> results) {
        out.printf("%n## Saga benchmark, %s%n%n", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        out.printf("- %d cores, %s, %s %s%n", Runtime.getRuntime().availableProcessors(), Machine.cpuModel(),
                System.getProperty("os.name"), System.getProperty("os.version"));
        out.printf("- Java %s (%s); services: %s%n", Runtime.version(), System.getProperty("java.vendor"), Machine.jit(system));
        out.printf("- profile `bench` (no tracing); outbox relay poll interval as configured (100 ms by default): a rent"
                + " crosses five outboxes (ReserveCopy, CopyReserved, ChargePoints, PointsCharged, BookRented)%n");
        out.printf("- closed loop through the gateway: rent, wait for the saga's end on `rental.events`, GET the rental,"
                + " return the book; a member per client; warm-up at %d clients in rounds of %d s until a round compiled fewer"
                + " than %d methods in gateway, rental, book and member (%d s at least, %d at most), then %d s per row%n",
                SagaBenchmarks.WARM_UP.connections(), SagaBenchmarks.WARM_UP.round().toSeconds(),
                SagaBenchmarks.WARM_UP.quietCompilations(), SagaBenchmarks.WARM_UP.min().toSeconds(),
                SagaBenchmarks.WARM_UP.max().toSeconds(), SagaBenchmarks.MEASURED.toSeconds());
        out.printf("- every request carries its member's access token (a JWT of auth, checked by the gateway and again by the"
                + " service); a member signs in again before a stage during which its token would pass %d minutes of age,"
                + " so never during one%n",
                SignedInUser.MAX_AGE.toMinutes());
        out.printf("%n| clients | sagas | sagas/s | RENTED | REJECTED | p50 ms | p99 ms | max ms |%n|--:|--:|--:|--:|--:|--:|--:|--:|%n");
        for (SagaLoad.Result result : results) {
            out.printf("| %d | %d | %.1f | %d | %d%s | %.0f | %.0f | %.0f |%n", result.clients(), result.completed(), result.perSecond(),
                    result.rented(), result.rejected(), result.rejections().isEmpty() ? "" : " " + result.rejections(),
                    millis(result, 50), millis(result, 99), result.latencyMicros().getMaxValue() / 1000.0);
        }
        out.printf("%nLatency: from sending the POST to the saga's end event consumed from `rental.events` (HdrHistogram).%n");
        out.printf("%nCPU, in cores%n%n| clients | %s |%n|--:|%s%n", heading(CPU_COLUMNS), "--:|".repeat(CPU_COLUMNS.size()));
        for (SagaLoad.Result result : results) {
            out.printf("| %d | %s |%n", result.clients(), CPU_COLUMNS.stream()
                    .map(column -> "%.2f".formatted(result.cpu().cores().get(column))).collect(Collectors.joining(" | ")));
        }
        out.printf("%nCPU ms per completed saga (its rent, GET and return)%n%n| clients | %s | total |%n|--:|%s--:|%n",
                heading(PROCESSES), "--:|".repeat(PROCESSES.size()));
        for (SagaLoad.Result result : results) {
            double msPerCore = result.cpu().seconds() * 1000 / result.completed();
            double total = PROCESSES.stream().mapToDouble(column -> result.cpu().cores().get(column)).sum() * msPerCore;
            out.printf("| %d | %s | %.1f |%n", result.clients(), PROCESSES.stream()
                    .map(column -> "%.1f".formatted(result.cpu().cores().get(column) * msPerCore)).collect(Collectors.joining(" | ")), total);
        }
    }

    private static double millis(SagaLoad.Result result, double percentile) {
        return result.latencyMicros().getValueAtPercentile(percentile) / 1000.0;
    }

    private static String heading(List<String> columns) {
        return columns.stream().map(column -> column.equals(CpuMeter.THIS_JVM) ? "bench JVM" : column).collect(Collectors.joining(" | "));
    }
}
