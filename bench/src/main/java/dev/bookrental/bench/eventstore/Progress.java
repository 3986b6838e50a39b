package dev.bookrental.bench.eventstore;

import java.io.PrintStream;

/** Prints what the benchmark is doing, with the seconds since it began, so a slow step shows. */
final class Progress {

    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void step(String format, Object... args) {
        out.printf("  [%4d s] %s …%n", (System.nanoTime() - startNanos) / 1_000_000_000L, format.formatted(args));
    }
}
