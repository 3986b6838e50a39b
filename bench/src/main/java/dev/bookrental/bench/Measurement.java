package dev.bookrental.bench;

/** One measured wrk run: which backend, by which route, what wrk saw and what the CPU did meanwhile. */
record Measurement(Backend backend, Route route, WrkResult result, CpuUse cpu) {
}
