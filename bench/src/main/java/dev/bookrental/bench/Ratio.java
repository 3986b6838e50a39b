package dev.bookrental.bench;

import java.util.function.ToDoubleFunction;

/** A gateway/direct ratio the benchmark reports, and whether higher or lower is better. */
enum Ratio {
    THROUGHPUT("requests/s gateway/direct", WrkResult::requestsPerSecond, true),
    P99("p99 gateway/direct", WrkResult::p99Ms, false);

    private final String label;
    private final ToDoubleFunction<WrkResult> metric;
    private final boolean higherIsBetter;

    Ratio(String label, ToDoubleFunction<WrkResult> metric, boolean higherIsBetter) {
        this.label = label;
        this.metric = metric;
        this.higherIsBetter = higherIsBetter;
    }

    String label() {
        return label;
    }

    double of(WrkResult direct, WrkResult gateway) {
        return metric.applyAsDouble(gateway) / metric.applyAsDouble(direct);
    }

    boolean higherIsBetter() {
        return higherIsBetter;
    }
}
