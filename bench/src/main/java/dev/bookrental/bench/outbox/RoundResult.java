package dev.bookrental.bench.outbox;

import java.util.Map;

import dev.bookrental.bench.CpuUse;

/**
 * What one round measured, one way.
 *
 * @param way          "plain" or "outbox"
 * @param messages     messages that arrived, each exactly once
 * @param sendSeconds  from the first send until every send had returned (the producer flushed)
 * @param seconds      from the first send to the last message consumed
 * @param p50Ms        end-to-end latency (created → consumed), median
 * @param p99Ms        end-to-end latency, 99th percentile
 * @param maxMs        end-to-end latency, the slowest message
 * @param payloadBytes mean size of a consumed payload (the JSON text)
 * @param cpu          CPU used meanwhile, by process
 */
record RoundResult(String way, Stage stage, int messages, double sendSeconds, double seconds, double p50Ms, double p99Ms, double maxMs,
        double payloadBytes, CpuUse cpu) {

    /** End to end: messages consumed per second, from the first send to the last message consumed. */
    double messagesPerSecond() {
        return messages / seconds;
    }

    /** CPU milliseconds per message of every process of the benchmark together (outside and idle excluded). */
    double cpuMsPerMessage() {
        double cores = cpu.cores().entrySet().stream()
                .filter(column -> !column.getKey().equals("outside") && !column.getKey().equals("idle"))
                .mapToDouble(Map.Entry::getValue).sum();
        return cores * cpu.seconds() * 1000 / messages;
    }
}
