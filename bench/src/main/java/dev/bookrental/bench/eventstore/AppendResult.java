package dev.bookrental.bench.eventstore;

import dev.bookrental.bench.CpuUse;

/**
 * What one append round measured.
 *
 * @param writers   threads appending at once
 * @param cards     cards (streams) appended to, each by one writer only
 * @param appends   events appended, one per transaction, all checked in the store afterwards
 * @param seconds   from the start of the round until the last writer's last commit
 * @param latencies of one append, from the decision to the commit
 * @param cpu       CPU used during the round
 */
record AppendResult(int writers, int cards, long appends, double seconds, Latencies latencies, CpuUse cpu) {

    double appendsPerSecond() {
        return appends / seconds;
    }
}
