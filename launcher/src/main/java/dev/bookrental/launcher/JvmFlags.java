package dev.bookrental.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM flags for the local profile on a small machine (2 cores): a small heap and the serial
 * collector (no GC threads competing for the cores), small thread stacks, and an ahead-of-time
 * cache of loaded and linked classes (JDK 25, JEP 483/514/515).
 *
 * <p>The cache is what makes the system start in time on two cores: measured on config-server, a
 * start took 23 CPU-seconds without it and 7 with it. The first run of a freshly built service has
 * no cache, so it runs with C1 only (half the CPU of a start) and records the cache when it exits
 * cleanly; every later start maps it, with C1 only or with C1 and C2 as the {@link Jit} mode says. A cache older than any jar on the class path is recorded
 * again. On a JDK older than 25 the flags fall back to a dynamic class-data-sharing archive.
 *
 * <p>The recording run stores classes only, no training data ({@code -XX:-AOTRecordTraining}). By
 * default JDK 25 also stores the run's method profiles and compilation levels (JEP 515) and later
 * runs replay them; recorded under C1 only, that replay kept some 10,000 hot methods at C1's
 * tier 1 for the life of the process, never profiled, never compiled by C2. Measured on the
 * gateway under load: 2.4 ms of CPU per proxied request with such a cache, 0.8 ms with a
 * classes-only cache, the same start time.
 */
public final class JvmFlags {

    private static final int JDK = Runtime.version().feature();
    /** A JVM recording its cache writes it when it exits; that takes a while on two busy cores. */
    private static final Duration GRACE_WHILE_RECORDING = Duration.ofSeconds(180);
    private static final Duration STARTUP = Duration.ofSeconds(240);
    private static final Duration STARTUP_WITHOUT_CACHE = Duration.ofSeconds(480);

    private JvmFlags() {
    }

    /**
     * @param cache    where this service's cache lives
     * @param classpath the class path the JVM will run with
     * @param record   whether this instance may record the cache (only one instance of a service)
     * @param jit      C1 only, or C1 and C2 once the cache exists
     */
    public static List<String> forService(Path cache, String classpath, int heapMb, boolean record, Jit jit) {
        List<String> flags = new ArrayList<>(common(heapMb));
        flags.add("-XX:ReservedCodeCacheSize=96m");
        boolean cached = JDK >= 25 && isCurrent(cache, classpath);
        boolean firstStartAfterBuild = JDK >= 25 && !cached;
        if (jit == Jit.STARTUP || firstStartAfterBuild) {
            flags.add("-XX:TieredStopAtLevel=1");
        }
        if (JDK >= 25) {
            if (cached) {
                flags.add("-XX:AOTCache=" + cache);
            } else if (record) {
                flags.add("-XX:AOTCacheOutput=" + cache);
                // a C1-only run's compilation levels must not be replayed by later runs (see above)
                flags.add("-XX:+UnlockDiagnosticVMOptions");
                flags.add("-XX:-AOTRecordTraining");
            }
            flags.add("-Xlog:aot=off");
            flags.add("-Xlog:aot+codecache=off");
        } else if (record) {
            flags.add("-XX:+AutoCreateSharedArchive");
            flags.add("-XX:SharedArchiveFile=" + cache.resolveSibling(cache.getFileName() + ".jsa"));
        }
        flags.add("-Xlog:cds=off");
        return flags;
    }

    /**
     * How long a service may take to become healthy. Longer without a current AOT cache (the first
     * start after a build): C1 only, every class loaded from the jars, and every service of the
     * system starting that way at once on two cores — a fresh clone's first boot took the gateway
     * 261 s. With its cache a service is healthy in well under a minute.
     */
    public static Duration startupTimeout(List<String> command) {
        return command.stream().anyMatch(flag -> flag.startsWith("-XX:AOTCache=")) ? STARTUP : STARTUP_WITHOUT_CACHE;
    }

    /** How long to let the JVM stop: longer when it records its cache on the way out. */
    public static Duration stopGrace(List<String> command) {
        return command.stream().anyMatch(flag -> flag.startsWith("-XX:AOTCacheOutput")) ? GRACE_WHILE_RECORDING : ChildProcess.GRACE;
    }

    /** Flags for a third-party engine on the JVM (Kafka, Zipkin). */
    public static List<String> forEngine(int heapMb) {
        return common(heapMb);
    }

    private static List<String> common(int heapMb) {
        return List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx" + heapMb + "m", "-Xss512k",
                "-Djava.net.preferIPv4Stack=true");
    }

    /** True when the cache exists and is newer than every entry of the class path. */
    static boolean isCurrent(Path cache, String classpath) {
        try {
            if (!Files.exists(cache)) {
                return false;
            }
            FileTime recorded = Files.getLastModifiedTime(cache);
            for (String entry : classpath.split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (Files.exists(path) && Files.getLastModifiedTime(path).compareTo(recorded) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
