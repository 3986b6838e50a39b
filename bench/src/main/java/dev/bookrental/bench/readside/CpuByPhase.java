package dev.bookrental.bench.readside;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.CpuUse;
import dev.bookrental.launcher.RunningSystem;

/**
 * Where the CPU went in each phase of the read-side benchmark, process by process: which component
 * a load saturates, and what one request of each kind costs the whole system. The 23:05 UTC run of
 * 2026-11-26 showed a saturated machine without saying which process used it.
 */
final class CpuByPhase {

    /** A phase's load and the CPU it used; {@code perSecond} 0 for a phase that is not one kind of request. */
    record Phase(String name, int perSecond, CpuUse cpu) {
    }

    private static final String AT_REST = "at rest";
    /** The meter's columns that are not the system's: this benchmark's JVM, other work on the machine, idle. */
    private static final Set<String> NOT_THE_SYSTEM = Set.of(CpuMeter.THIS_JVM, "outside", "idle");

    private final RunningSystem system;
    private final List<Phase> phases = new ArrayList<>();

    CpuByPhase(RunningSystem system) {
        this.system = system;
    }

    /** Runs {@code load}, measuring every process of the system (those alive when it starts) meanwhile. */
    <T> T measure(String name, int perSecond, Callable<T> load) throws Exception {
        CpuMeter meter = new CpuMeter(system, processes());
        CpuMeter.Snapshot start = meter.snapshot();
        T result = load.call();
        add(new Phase(name, perSecond, meter.since(start)));
        return result;
    }

    void add(Phase phase) {
        phases.add(phase);
    }

    void measureAtRest(long millis) throws Exception {
        measure(AT_REST, 0, () -> {
            Thread.sleep(millis);
            return null;
        });
    }

    private List<String> processes() {
        List<String> names = new ArrayList<>();
        system.processes().stream().filter(row -> row.pid() > 0).forEach(row -> names.add(row.name()));
        names.add(CpuMeter.THIS_JVM);
        return names;
    }

    /**
     * One row per process, busiest first, one column per phase, in cores; then the system's total and
     * the idle cores; then, for a phase of one kind of request, the system's CPU per request beyond
     * its use at rest.
     */
    void print(PrintStream out) {
        Map<String, Double> busiest = new LinkedHashMap<>();
        phases.forEach(phase -> phase.cpu().cores().forEach((column, cores) -> {
            if (!NOT_THE_SYSTEM.contains(column) && !column.equals("others")) { // "others" is empty: every process is a column
                busiest.merge(column, cores, Math::max);
            }
        }));
        out.printf("%n### Where the CPU went, in cores (2 = the whole machine)%n%n");
        out.printf("| process | %s |%n|---|%s%n", String.join(" | ", phases.stream().map(Phase::name).toList()),
                "--:|".repeat(phases.size()));
        busiest.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(process -> row(out, process.getKey(), phase -> phase.cpu().cores().get(process.getKey())));
        row(out, "the benchmark's JVM (load and polls)", phase -> phase.cpu().cores().get(CpuMeter.THIS_JVM));
        row(out, "**system (all but the benchmark)**", CpuByPhase::systemCores);
        row(out, "outside the benchmark", phase -> phase.cpu().cores().get("outside"));
        row(out, "idle", phase -> phase.cpu().cores().get("idle"));
        Double rest = phases.stream().filter(phase -> phase.name().equals(AT_REST)).findFirst().map(CpuByPhase::systemCores).orElse(null);
        if (rest != null) {
            out.printf("%nCPU of the whole system per request, beyond its use at rest (%.2f cores):%n%n", rest);
            phases.stream().filter(phase -> phase.perSecond() > 0).forEach(phase -> out.printf("- %s: %.1f ms%n", phase.name(),
                    (systemCores(phase) - rest) * 1000 / phase.perSecond()));
        }
    }

    private static double systemCores(Phase phase) {
        return phase.cpu().cores().entrySet().stream()
                .filter(e -> !NOT_THE_SYSTEM.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private void row(PrintStream out, String name, Function<Phase, Double> cores) {
        StringBuilder line = new StringBuilder("| ").append(name).append(" |");
        for (Phase phase : phases) {
            Double value = cores.apply(phase);
            line.append(value == null ? " — |" : " %.2f |".formatted(value));
        }
        out.println(line);
    }
}
