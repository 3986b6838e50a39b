package dev.bookrental.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the system runs from and with what: the repository root (jars, class paths, config), the
 * run folder for data, logs and class-data archives, the configuration folder config-server
 * serves, extra Spring profiles, and how the JVMs compile.
 */
public record LaunchContext(Path home, Path runDir, Path configDir, List<String> profiles, Map<String, String> environment,
        Jit jit) {

    /** A context for starting quickly: C1 only (see {@link Jit}). */
    public LaunchContext(Path home, Path runDir, Path configDir, List<String> profiles, Map<String, String> environment) {
        this(home, runDir, configDir, profiles, environment, Jit.STARTUP);
    }

    public Path logs() {
        return runDir.resolve("logs");
    }

    public Path data() {
        return runDir.resolve("data");
    }

    /**
     * The JVMs' ahead-of-time caches. Shared by every run folder of this checkout (command line,
     * system tests, benchmarks): a cache depends only on the built jars.
     */
    public Path cds() {
        return home.resolve(".run/cds");
    }

    /** The java executable the launcher itself runs on (a JDK 21 or newer). */
    public String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
