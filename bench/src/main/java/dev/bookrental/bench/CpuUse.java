package dev.bookrental.bench;

import java.util.Map;

/** CPU used during one measurement, per column of the {@link CpuMeter}, in order, in cores (CPU-seconds per second). */
public record CpuUse(double seconds, Map<String, Double> cores) {
}
