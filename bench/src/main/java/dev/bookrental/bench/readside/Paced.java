package dev.bookrental.bench.readside;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load: one request every {@code 1/perSecond} s on a fixed schedule, each on its own
 * virtual thread, whatever the earlier ones do. A request's latency runs from the moment it was
 * due, so a slow answer cannot hold back the next requests and hide (coordinated omission).
 */
final class Paced {

    /**
     * @param micros   latencies in microseconds
     * @param outcomes how many requests ended how (the request's own label: "200", "200 partial", "503", an exception)
     */
    record Result(String name, int perSecond, Histogram micros, Map<String, Integer> outcomes) {

        long count() {
            return micros.getTotalCount();
        }

        double millis(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private Paced() {
    }

    /** Runs {@code request} {@code perSecond} times a second for {@code duration}; returns when every request has ended. */
    static Result run(String name, int perSecond, Duration duration, Callable<String> request) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        long period = 1_000_000_000L / perSecond;
        long count = duration.toNanos() / period;
        long start = System.nanoTime();
        List<Thread> requests = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            requests.add(Thread.ofVirtual().start(() -> {
                String outcome;
                try {
                    outcome = request.call();
                } catch (Exception e) {
                    outcome = e.getClass().getSimpleName();
                }
                recorder.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
                outcomes.merge(outcome, 1, Integer::sum);
            }));
        }
        for (Thread thread : requests) {
            thread.join();
        }
        return new Result(name, perSecond, recorder.getIntervalHistogram(), new TreeMap<>(outcomes));
    }
}
