package dev.bookrental.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.bookrental.launcher.RunningSystem;

/**
 * Measures where the CPU goes while a benchmark runs (Linux /proc): each process of the running
 * system with its descendants (PostgreSQL's backends), this JVM ({@value #THIS_JVM}), wrk as a
 * finished child of this JVM, and the whole machine, so other work on it shows too.
 */
public final class CpuMeter {

    /** The column of this JVM: the launcher, and whatever the benchmark itself runs in it. */
    public static final String THIS_JVM = "launcher";
    /** The gateway benchmark's columns: wrk and the components the requests go through. */
    static final List<String> GATEWAY_PATH = List.of("wrk", "gateway", "book", "postgres", "zipkin");

    /** /proc counts in USER_HZ, 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    private final RunningSystem system;
    private final List<String> measured;

    /**
     * @param measured the columns reported one by one: process names of the system, {@value #THIS_JVM}
     *                 or "wrk"; the rest of this benchmark's processes add up to "others", any process
     *                 not of it to "outside", and the unused cores to "idle"
     */
    public CpuMeter(RunningSystem system, List<String> measured) {
        this.system = system;
        this.measured = List.copyOf(measured);
    }

    /** CPU-seconds used so far, by name, and the wall clock. */
    public record Snapshot(long nanos, Map<String, Double> seconds) {
    }

    public Snapshot snapshot() {
        Map<String, Double> seconds = new HashMap<>();
        for (RunningSystem.ProcessRow row : system.processes()) {
            seconds.put(row.name(), processTreeSeconds(row.pid()));
        }
        seconds.put(THIS_JVM, ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9);
        seconds.put("wrk", finishedChildrenSeconds());
        long[] machine = machineTicks();
        seconds.put("machine-busy", machine[0] / TICKS_PER_SECOND);
        seconds.put("machine-idle", machine[1] / TICKS_PER_SECOND);
        return new Snapshot(System.nanoTime(), seconds);
    }

    /** What was used between the snapshot and now, in cores, by column: the measured ones, others, outside, idle. */
    public CpuUse since(Snapshot start) {
        Snapshot end = snapshot();
        double wall = (end.nanos() - start.nanos()) / 1e9;
        Map<String, Double> used = new HashMap<>();
        end.seconds().forEach((name, seconds) -> used.put(name, (seconds - start.seconds().getOrDefault(name, seconds)) / wall));
        double ours = used.entrySet().stream().filter(e -> !e.getKey().startsWith("machine-")).mapToDouble(Map.Entry::getValue).sum();
        Map<String, Double> cores = new LinkedHashMap<>();
        measured.forEach(column -> cores.put(column, Objects.requireNonNull(used.get(column), () -> "No process named " + column)));
        cores.put("others", ours - cores.values().stream().mapToDouble(Double::doubleValue).sum());
        cores.put("outside", Math.max(0, used.get("machine-busy") - ours));
        cores.put("idle", used.get("machine-idle"));
        return new CpuUse(wall, cores);
    }

    /** How a wait for a quiet machine ended: after how long, and whether it was quiet or the limit came first. */
    public record Quiet(Duration waited, boolean reached) {

        @Override
        public String toString() {
            return "%.0f s%s".formatted(waited.toMillis() / 1000.0, reached ? "" : " (limit reached: still busy)");
        }
    }

    /**
     * Waits until {@code quiet} holds for the cores of 3 one-second measurements in a row, at most
     * {@code limit}: the benchmarks wait so before measuring, because the JVMs keep compiling after a
     * boot or a load, and the consumers working off its backlog.
     */
    public Quiet awaitQuiet(Predicate<Map<String, Double>> quiet, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        int quietSeconds = 0;
        while (quietSeconds < 3 && System.nanoTime() - start < limit.toNanos()) {
            Snapshot second = snapshot();
            Thread.sleep(1000);
            quietSeconds = quiet.test(since(second).cores()) ? quietSeconds + 1 : 0;
        }
        return new Quiet(Duration.ofNanos(System.nanoTime() - start), quietSeconds >= 3);
    }

    private static double processTreeSeconds(long pid) {
        return ProcessHandle.of(pid).stream()
                .flatMap(process -> Stream.concat(Stream.of(process), process.descendants()))
                .mapToDouble(process -> process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9)
                .sum();
    }

    /** cutime + cstime of this JVM: CPU of its children that ended and were waited for, i.e. wrk runs. */
    private static double finishedChildrenSeconds() {
        String stat = read(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND; // fields 16 and 17
    }

    /** Busy and idle ticks of all cores together, from the first line of /proc/stat. */
    private static long[] machineTicks() {
        String[] fields = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
            busy += Long.parseLong(fields[i]);
        }
        return new long[] {busy, Long.parseLong(fields[4]) + Long.parseLong(fields[5])}; // idle iowait
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
