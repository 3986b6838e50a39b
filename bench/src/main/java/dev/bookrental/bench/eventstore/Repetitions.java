package dev.bookrental.bench.eventstore;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

import dev.bookrental.bench.CpuMeter;

/**
 * Runs an operation over and over from one thread: first for a while untimed (the JIT compiles
 * its path, PostgreSQL caches its pages), then timed run by run until enough runs or enough time.
 * Every result is checked, outside the timing: a fast wrong answer must not pass as a figure.
 */
final class Repetitions {

    private final Duration warmUp;
    private final Duration measureFor;
    private final int maxRuns;
    private final CpuMeter cpu;

    Repetitions(Duration warmUp, Duration measureFor, int maxRuns, CpuMeter cpu) {
        this.warmUp = warmUp;
        this.measureFor = measureFor;
        this.maxRuns = maxRuns;
        this.cpu = cpu;
    }

    /** @param check throws when a result is wrong, which ends the benchmark */
    <T> Timed time(Supplier<T> operation, Consumer<T> check) {
        long warmUpEnd = System.nanoTime() + warmUp.toNanos();
        while (System.nanoTime() < warmUpEnd) {
            check.accept(operation.get());
        }
        Histogram micros = Latencies.histogram();
        CpuMeter.Snapshot before = cpu.snapshot();
        long end = System.nanoTime() + measureFor.toNanos();
        for (int run = 0; run < maxRuns && System.nanoTime() < end; run++) {
            long start = System.nanoTime();
            T result = operation.get();
            Latencies.record(micros, System.nanoTime() - start);
            check.accept(result);
        }
        return new Timed(Latencies.of(micros), cpu.since(before));
    }
}
