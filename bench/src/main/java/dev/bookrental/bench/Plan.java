package dev.bookrental.bench;

import java.time.Duration;
import java.util.List;

/**
 * What one benchmark run does: the backends, wrk's threads, and how long to warm up and to measure
 * each route.
 *
 * <p>The warm-up runs with {@code warmUpConnections} whatever the backend measures with: its job is
 * to get the hot paths of both routes compiled by C2 (HotSpot compiles a method at its top tier
 * after some 10,000–15,000 invocations), and the 20 ms backend's 4 connections give at most 200
 * requests/s, 4,000 in 20 s, which left the gateway on profiled C1 code for the measurement.
 */
record Plan(List<Backend> backends, int threads, int warmUpConnections, Duration warmUp, Duration measured) {

    Load warmUpLoad() {
        return new Load(threads, warmUpConnections, warmUp);
    }

    Load measuredLoad(Backend backend) {
        return new Load(threads, backend.connections(), measured);
    }
}
