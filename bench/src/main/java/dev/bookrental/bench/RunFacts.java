package dev.bookrental.bench.outbox;

import java.util.List;

/**
 * What the figures of a run depend on, printed above them: when, on how many cores, and one line
 * per fact (machine, Java, broker, database, producer and relay settings).
 */
record RunFacts(String date, int cores, List<String> lines) {
}
