package dev.bookrental.launcher;

/**
 * How the launched JVMs compile: tuned for starting on two cores, or for steady throughput.
 *
 * <p>Measured on this project's 2-core machine, warm caches, nine components: all healthy in
 * 31 s with C1 only, 48 s with C1 and C2 (C2 compiling hot startup code competes with the starts
 * for the two cores). Under load C2 pays back: the gateway needs 0.5 ms of CPU per proxied request
 * instead of 1.2–2.4 ms. So the developer's system and the system tests start with C1 only, and
 * the benchmarks run with both compilers.
 */
public enum Jit {

    /** C1 only ({@code -XX:TieredStopAtLevel=1}): the fastest start, about half the CPU of one. */
    STARTUP,

    /** Tiered C1 and C2, the JVM's default: slower to start, the fastest code once warm. */
    THROUGHPUT
}
