package dev.bookrental.bench;

import java.time.Duration;

/** The fixed wrk settings of one run: threads, open connections and how long it lasts. */
record Load(int threads, int connections, Duration duration) {
}
