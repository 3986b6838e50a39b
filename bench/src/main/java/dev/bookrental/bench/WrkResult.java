package dev.bookrental.bench;

/**
 * What wrk measured in one run. Errors are wrk's own counts: responses with a status of 400 or
 * more, and socket errors (connect, read, write, timeout).
 */
record WrkResult(long requests, double seconds, long statusErrors, long socketErrors, double p50Ms, double p99Ms) {

    double requestsPerSecond() {
        return requests / seconds;
    }

    long errors() {
        return statusErrors + socketErrors;
    }
}
