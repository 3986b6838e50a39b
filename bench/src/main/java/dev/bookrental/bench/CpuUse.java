package dev.bookrental.bench;

import java.util.Map;

/** CPU used during one measurement, per column of {@link CpuMeter#COLUMNS}, in cores (CPU-seconds per second). */
record CpuUse(double seconds, Map<String, Double> cores) {
}
