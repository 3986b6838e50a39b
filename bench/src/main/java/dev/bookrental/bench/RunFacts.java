package dev.bookrental.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What the figures of a run depend on, printed above them: when, on how many cores, and one line
 * per fact (machine, Java, then the benchmark's own: engines and settings).
 */
public record RunFacts(String date, int cores, List<String> lines) {

    public RunFacts {
        lines = List.copyOf(lines);
    }

    /** Now, on this machine and in this JVM, followed by the benchmark's own {@code facts}. */
    public static RunFacts now(List<String> facts) {
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> lines = new ArrayList<>();
        lines.add("machine: %d cores, %s, %s %s".formatted(cores, Machine.cpuModel(), System.getProperty("os.name"),
                System.getProperty("os.version")));
        lines.add("Java %s (%s); bench JVM %s".formatted(Runtime.version(), System.getProperty("java.vendor"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
        lines.addAll(facts);
        return new RunFacts(Machine.utcNow(), cores, lines);
    }
}
