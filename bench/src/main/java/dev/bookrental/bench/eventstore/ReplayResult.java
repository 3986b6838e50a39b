package dev.bookrental.bench.eventstore;

/**
 * The timings of one step of replaying a whole stream of {@code events} events.
 *
 * @param step what was timed, e.g. reading the events, or reading, decoding and applying them
 */
record ReplayResult(String step, int events, Timed timed) {

    /** Events per second at the median run. */
    double eventsPerSecond() {
        return events / (timed.latencies().p50Ms() / 1000);
    }

    /** Microseconds per event at the median run. */
    double microsPerEvent() {
        return timed.latencies().p50Ms() * 1000 / events;
    }
}
