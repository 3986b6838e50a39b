package dev.bookrental.bench.readside;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.bench.SignedInUser;

/**
 * The read side's lag as a member sees it: from a write accepted by the write side to the moment
 * the read view shows it. The write is a points top-up ({@code POST /api/members/me/points} through
 * the gateway: member commits the balance and its {@code PointsToppedUp} in one transaction, its
 * outbox relay publishes the event, rental-query applies it to the member's dashboard). A write is
 * accepted when its 200 arrives, with the new balance; from then the member's dashboard is read
 * straight from rental-query until it shows at least that balance: every {@value #POLL_MS} ms for
 * the first {@link #FAST_POLLING}, every {@value #SLOW_POLL_MS} ms after. Writes come at a steady
 * rate on a fixed schedule, members in turn.
 * <p>
 * The polls must not become the load: each member has one poller at a time (a write of a member
 * whose earlier write is not visible yet waits for that one; its own time runs from its own 200,
 * and the member's events are applied in order, so the wait hides nothing), and a lag past
 * {@link #FAST_POLLING} is polled slower. The first version gave every write its own poller every
 * 20 ms: when the read side fell behind, 200 writes in flight asked rental-query 10,000 times a
 * second, and the benchmark saturated the machine it measured (23:05 UTC run of 2026-11-26, lag
 * p50 21.9 s). Now the polls stay below {@value #SLOW_POLL_MS}-ms polling of every member once the
 * lag is long, and the resolution is one poll interval ({@value #POLL_MS} ms while the lag is short).
 */
final class ProjectionLag {

    static final int POLL_MS = 20;
    static final int SLOW_POLL_MS = 100;
    static final Duration FAST_POLLING = Duration.ofSeconds(1);
    static final String GATEWAY = "http://127.0.0.1:8080";
    static final String READ_SIDE = "http://127.0.0.1:8104";
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    /**
     * @param lagMicros   write accepted → visible in the dashboard
     * @param writeMicros the write's own latency (POST → 200)
     * @param outcomes    how the writes ended: "visible", "not visible in 30 s", a failed write
     */
    record Result(int perSecond, Duration duration, Histogram lagMicros, Histogram writeMicros, Map<String, Integer> outcomes) {
    }

    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    /** One poller per member at a time, in the order the writes were accepted. */
    private final Map<SignedInUser, ReentrantLock> pollers = new ConcurrentHashMap<>();

    ProjectionLag(HttpClient http) {
        this.http = http;
    }

    Result measure(List<SignedInUser> members, int perSecond, Duration duration) throws InterruptedException {
        Histogram lag = new Histogram(3);
        Histogram writes = new Histogram(3);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        Paced.run("top-ups", perSecond, duration, () -> {
            SignedInUser member = members.get((int) (next.getAndIncrement() % members.size()));
            long sent = System.nanoTime();
            HttpResponse<String> written = send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/members/me/points"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1}")), member);
            long accepted = System.nanoTime();
            if (written.statusCode() != 200) {
                outcomes.merge("write " + written.statusCode(), 1, Integer::sum);
                return "write " + written.statusCode();
            }
            int balance = json.readTree(written.body()).get("points").asInt();
            String outcome = awaitVisible(member, balance, accepted, lag);
            synchronized (writes) {
                writes.recordValue((accepted - sent) / 1_000);
            }
            outcomes.merge(outcome, 1, Integer::sum);
            return outcome;
        });
        return new Result(perSecond, duration, lag, writes, new TreeMap<>(outcomes));
    }

    private String awaitVisible(SignedInUser member, int balance, long accepted, Histogram lag) throws IOException, InterruptedException {
        ReentrantLock poller = pollers.computeIfAbsent(member, m -> new ReentrantLock(true));
        poller.lockInterruptibly();
        try {
            while (System.nanoTime() - accepted < GIVE_UP.toNanos()) {
                HttpResponse<String> dashboard = send(HttpRequest.newBuilder(URI.create(READ_SIDE + "/api/members/me/dashboard")).GET(), member);
                long seen = System.nanoTime();
                if (dashboard.statusCode() == 200 && json.readTree(dashboard.body()).get("points").asInt() >= balance) {
                    synchronized (lag) {
                        lag.recordValue((seen - accepted) / 1_000);
                    }
                    return "visible";
                }
                Thread.sleep(seen - accepted < FAST_POLLING.toNanos() ? POLL_MS : SLOW_POLL_MS);
            }
            return "not visible in " + GIVE_UP.toSeconds() + " s";
        } finally {
            poller.unlock();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, SignedInUser member) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).header("Authorization", member.bearer()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * rental-query's own view of its lag ({@code bookrental_projection_delay_seconds}, quantiles over
     * its recent window): from the event's publication (the Kafka record's timestamp) to its view change
     * committed, so without the write and the outbox relay's pause; by topic and quantile, in ms.
     */
    Map<String, Double> readSidesOwnDelayMillis() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(READ_SIDE + "/actuator/prometheus")).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> millis = new TreeMap<>();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("bookrental_projection_delay_seconds{") && line.contains("quantile=\"")) {
                String labels = line.substring(line.indexOf('{') + 1, line.indexOf('}'));
                millis.put(label(labels, "topic") + " p" + Math.round(Double.parseDouble(label(labels, "quantile")) * 100),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) * 1000);
            }
        }
        return millis;
    }

    private static String label(String labels, String name) {
        int start = labels.indexOf(name + "=\"") + name.length() + 2;
        return labels.substring(start, labels.indexOf('"', start));
    }
}
