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
import java.util.stream.Stream;

import dev.bookrental.launcher.RunningSystem;

/**
 * Measures where the CPU goes while wrk runs (Linux /proc): each process of the running system
 * with its descendants (PostgreSQL's backends), wrk as a finished child of this JVM, and the
 * whole machine, so other work on it shows too.
 */
final class CpuMeter {

    /**
     * The columns reported: wrk, the components the requests go through, "others" (the system's
     * other components, Eureka, config-server, Kafka …, and this JVM), "outside" (any process not
     * of this benchmark) and "idle".
     */
    static final List<String> COLUMNS = List.of("wrk", "gateway", "book", "postgres", "zipkin", "others", "outside", "idle");
    private static final List<String> MEASURED = COLUMNS.subList(0, 5);

    /** /proc counts in USER_HZ, 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    private final RunningSystem system;

    CpuMeter(RunningSystem system) {
        this.system = system;
    }

    /** CPU-seconds used so far, by name, and the wall clock. */
    record Snapshot(long nanos, Map<String, Double> seconds) {
    }

    Snapshot snapshot() {
        Map<String, Double> seconds = new HashMap<>();
        for (RunningSystem.ProcessRow row : system.processes()) {
            seconds.put(row.name(), processTreeSeconds(row.pid()));
        }
        seconds.put("launcher", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9);
        seconds.put("wrk", finishedChildrenSeconds());
        long[] machine = machineTicks();
        seconds.put("machine-busy", machine[0] / TICKS_PER_SECOND);
        seconds.put("machine-idle", machine[1] / TICKS_PER_SECOND);
        return new Snapshot(System.nanoTime(), seconds);
    }

    /** What was used between the snapshot and now, in cores. */
    CpuUse since(Snapshot start) {
        Snapshot end = snapshot();
        double wall = (end.nanos() - start.nanos()) / 1e9;
        Map<String, Double> used = new HashMap<>();
        end.seconds().forEach((name, seconds) -> used.put(name, (seconds - start.seconds().getOrDefault(name, seconds)) / wall));
        double ours = used.entrySet().stream().filter(e -> !e.getKey().startsWith("machine-")).mapToDouble(Map.Entry::getValue).sum();
        double measured = MEASURED.stream().mapToDouble(used::get).sum();
        Map<String, Double> cores = new LinkedHashMap<>();
        MEASURED.forEach(column -> cores.put(column, used.get(column)));
        cores.put("others", ours - measured);
        cores.put("outside", Math.max(0, used.get("machine-busy") - ours));
        cores.put("idle", used.get("machine-idle"));
        return new CpuUse(wall, cores);
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
