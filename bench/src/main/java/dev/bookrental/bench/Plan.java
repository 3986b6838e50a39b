package dev.bookrental.bench;

import java.time.Duration;
import java.util.List;

/** What one benchmark run does: the backends, wrk's threads, and how long to warm up and to measure each route. */
record Plan(List<Backend> backends, int threads, Duration warmUp, Duration measured) {

    Load warmUpLoad(Backend backend) {
        return new Load(threads, backend.connections(), warmUp);
    }

    Load measuredLoad(Backend backend) {
        return new Load(threads, backend.connections(), measured);
    }
}
