package dev.bookrental.bench.eventstore;

import dev.bookrental.bench.CpuUse;

/** What timing an operation over and over gave: its latencies, and the CPU used meanwhile. */
record Timed(Latencies latencies, CpuUse cpu) {
}
