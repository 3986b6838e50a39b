package dev.bookrental.bench;

import java.util.List;

/**
 * A backend measured direct and through the gateway: the request wrk sends (a fixed path, or a
 * Lua {@code request()} hook), how many connections it keeps open, and the goals of the issue.
 */
record Backend(String name, String path, String requestHook, int connections, List<Goal> goals) {

    /** {@code GET /api/books/{id}}, ids 1..41 in turn: a real PostgreSQL read, fast and CPU-bound. */
    static Backend postgresRead() {
        String rotateIds = """
                local id = 0
                request = function()
                  id = id % 41 + 1
                  return wrk.format(nil, "/api/books/" .. id)
                end
                """;
        return new Backend("GET /api/books/{id}", "/api/books/1", rotateIds, 16,
                List.of(new Goal(Ratio.THROUGHPUT, 0.35)));
    }

    /**
     * {@code GET /api/bench/delay?ms=20} on 4 connections: at most 200 requests/s, so on two cores
     * the backend waits rather than computes. Measured: book spends about 1 ms of CPU per request
     * and the gateway about 2, so 32 connections took more than a core in book alone (direct) and
     * more than both cores through the gateway: the run compared CPU, not the latency the gateway adds.
     */
    static Backend fixedDelay() {
        return new Backend("GET /api/bench/delay?ms=20", "/api/bench/delay?ms=20", "", 4,
                List.of(new Goal(Ratio.THROUGHPUT, 0.9), new Goal(Ratio.P99, 1.5)));
    }
}
