package dev.bookrental.bench.eventstore;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Durations of many runs of one operation: how many, their median, 99th percentile and maximum.
 *
 * @param count how many were timed
 */
record Latencies(long count, double p50Ms, double p99Ms, double maxMs) {

    /** Kept in microseconds, to three significant digits, however long. */
    static Histogram histogram() {
        return new Histogram(3);
    }

    /** Records one run that took {@code nanos}. */
    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(TimeUnit.NANOSECONDS.toMicros(nanos));
    }

    static Latencies of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            throw new IllegalStateException("Nothing was timed");
        }
        return new Latencies(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
