package dev.bookrental.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * How many methods a running JVM's JIT has compiled so far, read with the JDK's {@code jstat
 * -compiler} (HotSpot's performance counters) from the JDK this benchmark runs on, the one the
 * launcher starts the services with.
 */
public final class JitCompilations {

    private static final Path JSTAT = Path.of(System.getProperty("java.home"), "bin", "jstat");

    private JitCompilations() {
    }

    /** Compilations of all the given JVMs together. */
    public static long total(List<Long> pids) throws IOException, InterruptedException {
        long total = 0;
        for (long pid : pids) {
            total += of(pid);
        }
        return total;
    }

    /** The first column of {@code jstat -compiler}: "Compiled Failed Invalid Time FailedType FailedMethod". */
    static long of(long pid) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(JSTAT.toString(), "-compiler", Long.toString(pid)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jstat -compiler " + pid + " failed: " + output.strip());
        }
        return parse(output);
    }

    static long parse(String jstatOutput) {
        List<String> lines = jstatOutput.lines().filter(line -> !line.isBlank()).toList();
        if (lines.size() < 2 || !lines.get(0).strip().startsWith("Compiled")) {
            throw new IllegalStateException("Unexpected jstat output: " + jstatOutput.strip());
        }
        return Long.parseLong(lines.get(1).strip().split("\\s+")[0]);
    }
}
