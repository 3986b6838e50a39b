package dev.bookrental.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An operating-system process started by the launcher, its output appended to one log file.
 * Stopping sends SIGTERM to it and its descendants, then SIGKILL after a grace period, so no
 * process outlives the launcher and every port is freed.
 */
public final class ChildProcess implements Running {

    /** How long a process may take to stop after SIGTERM before it gets SIGKILL. */
    public static final Duration GRACE = Duration.ofSeconds(20);

    /** How long a start may keep meeting "Text file busy" (see {@link #startRetryingWhileBusy}). */
    static final Duration TEXT_FILE_BUSY_PATIENCE = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Path log;
    private final Duration grace;

    private ChildProcess(String name, Process process, Path log, Duration grace) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.grace = grace;
    }

    public static ChildProcess start(String name, List<String> command, Path workingDir, Map<String, String> environment,
            Path log) throws IOException {
        return start(name, command, workingDir, environment, log, GRACE);
    }

    public static ChildProcess start(String name, List<String> command, Path workingDir, Map<String, String> environment,
            Path log, Duration grace) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "# " + String.join(" ", command) + System.lineSeparator());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return new ChildProcess(name, startRetryingWhileBusy(builder), log, grace);
    }

    /**
     * Starts the process, trying again for a moment while the kernel answers ETXTBSY. That answer
     * means some process still holds the executable open for writing; in a JVM that writes files
     * and forks on several threads it is usually a child forked by another thread, which keeps the
     * inherited descriptor until it execs, milliseconds later. The launcher writes its own
     * executables before forking anything ({@link Infrastructure#prepare}); this covers libraries
     * that unpack theirs while the launcher starts other engines.
     */
    static Process startRetryingWhileBusy(ProcessBuilder builder) throws IOException {
        long deadline = System.nanoTime() + TEXT_FILE_BUSY_PATIENCE.toNanos();
        while (true) {
            try {
                return builder.start();
            } catch (IOException e) {
                if (!isTextFileBusy(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(Duration.ofMillis(50));
            }
        }
    }

    private static boolean isTextFileBusy(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("error: 26") || message.contains("error=26") || message.contains("Text file busy"))) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for a busy executable", interrupted);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    @Override
    public void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL, without any chance to clean up: what a crash looks like to the rest of the system. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
