package dev.bookrental.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.bookrental.launcher.Jit;
import dev.bookrental.launcher.LaunchContext;
import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.Topology;

/**
 * One boot of the system for a benchmark that measures through the running system (gateway,
 * observability, saga, logs, read side): boots {@code topology} with {@code profiles}, runs the
 * measurement on it and stops every process, whether the measurement ends or throws.
 *
 * <p>The same for every such benchmark, so that their figures compare: run folder .run/bench (a
 * developer's .run/ data and logs stay apart) and {@link Jit#THROUGHPUT}, C1 and C2, the code
 * production would run. Ctrl-C stops the system too: {@link RunningSystem#startAll()} registers a
 * shutdown hook that closes it.
 */
public final class OnOneBoot {

    /** What a benchmark measures on the running system, and what it returns. */
    @FunctionalInterface
    public interface Measure<T> {
        T on(RunningSystem system) throws Exception;
    }

    /** What a benchmark measures on the running system when it only prints its figures. */
    @FunctionalInterface
    public interface Run {
        void on(RunningSystem system) throws Exception;
    }

    private OnOneBoot() {
    }

    /** Boots, runs {@code measure}, stops; returns what {@code measure} returned. */
    public static <T> T measure(Path home, Topology topology, List<String> profiles, PrintStream out, Measure<T> measure)
            throws Exception {
        LaunchContext context = new LaunchContext(home, home.resolve(".run").resolve("bench"), home.resolve("config"),
                profiles, Map.of(), Jit.THROUGHPUT);
        RunningSystem system = RunningSystem.create(topology, context, Map.of(), out);
        try {
            system.startAll();
            return measure.on(system);
        } finally {
            out.println("\nStopping the system …");
            system.close();
        }
    }

    /** Boots, runs {@code run}, stops. */
    public static void run(Path home, Topology topology, List<String> profiles, PrintStream out, Run run) throws Exception {
        measure(home, topology, profiles, out, system -> {
            run.on(system);
            return null;
        });
    }
}
