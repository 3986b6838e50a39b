package dev.bookrental.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what the operating system reports of a process (Linux /proc). */
public final class ProcessStats {

    private ProcessStats() {
    }

    /** Resident set size in MiB, or -1 when unknown. */
    public static long rssMb(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
