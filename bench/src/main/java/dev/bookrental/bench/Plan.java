package dev.bookrental.bench;

import java.time.Duration;
import java.util.List;

/**
 * What one benchmark run does: the backends, with which tokens each is measured (one after the
 * other: warm-up, then both routes), wrk's threads, how each route is warmed up and how long each
 * is measured.
 *
 * <p>The warm-up runs with its own connections whatever the backend measures with: its job is to
 * get the hot paths of both routes compiled by C2 (see {@link WarmUp}), and the 20 ms backend's 4
 * connections give at most 200 requests/s.
 */
record Plan(List<Backend> backends, List<Token> tokens, int threads, WarmUp warmUp, Duration measured) {

    Load warmUpRound() {
        return warmUp.roundLoad(threads);
    }

    Load measuredLoad(Backend backend) {
        return new Load(threads, backend.connections(), measured);
    }
}
