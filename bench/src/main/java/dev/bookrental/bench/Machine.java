package dev.bookrental.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import dev.bookrental.launcher.RunningSystem;

/** Facts about the run, printed with the figures: date, cores, CPU, OS, Java, wrk, and the services' JIT. */
public record Machine(String date, int cores, String cpu, String os, String java, String wrk, String jit) {

    static Machine describe(String wrkVersion, RunningSystem system) {
        return new Machine(
                utcNow(),
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                wrkVersion,
                jit(system));
    }

    /** The date and time of a run, as reports print it. */
    static String utcNow() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    /** The CPU model from /proc/cpuinfo. */
    public static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    /**
     * The launcher runs a service without an ahead-of-time cache (the first start after a build)
     * with the C1 compiler only and records the cache; later starts map it and use C1 and C2.
     */
    public static String jit(RunningSystem system) {
        boolean c1Only = Stream.of("gateway", "book")
                .map(service -> system.instances(service).getFirst())
                .anyMatch(instance -> commandLine(instance.pid()).contains("-XX:TieredStopAtLevel=1"));
        return c1Only
                ? "C1 only: no AOT cache yet (first start after a build, which records it); run again for the full JIT"
                : "C1 and C2, with the launcher's AOT cache";
    }

    /** A process's arguments, from /proc (ProcessHandle.Info leaves out long command lines). */
    public static List<String> commandLine(long pid) {
        try {
            return List.of(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
