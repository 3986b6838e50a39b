package dev.bookrental.bench.logs;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import dev.bookrental.bench.OnOneBoot;
import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.SystemTopology;

/**
 * Central logs: how long a log line takes from its file to a search answer
 * ({@code ./bookrental bench logs}). Boots the whole system (run folder .run/bench), writes
 * {@value #LINES} marked ECS lines at a steady {@value #LINES_PER_SECOND} a second into a JSON
 * log file of the shipped folder, as a service would, and polls {@code GET /api/logs} for the
 * marker every {@value #POLL_MS} ms: a line's latency is the time from its write to the first
 * answer that holds it (so it includes up to one poll interval). Prints p50, p99 and the maximum,
 * then the resident memory of OpenSearch and of the logs service.
 */
public final class LogsBenchmark {

    static final int LINES = 600;
    static final int LINES_PER_SECOND = 20;
    static final int POLL_MS = 50;
    private static final String SEARCH = "http://127.0.0.1:9091/api/logs";
    private static final Pattern NUMBER = Pattern.compile("line (\\d+)");

    private LogsBenchmark() {
    }

    public static void run(Path home, PrintStream out) throws Exception {
        OnOneBoot.run(home, SystemTopology.bookrental(), List.of("bench"), out, system -> {
            Histogram millis = measure(system.context().logs().resolve("json").resolve("logs-bench.json"), out);
            report(out, millis, system);
        });
    }

    private static Histogram measure(Path file, PrintStream out) throws Exception {
        String marker = "logsbench" + UUID.randomUUID().toString().replace("-", "");
        long[] writtenAt = new long[LINES];
        Map<Integer, Long> seenAt = new ConcurrentHashMap<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            // Warm-up: the index and the search path answer once before the clock starts.
            awaitSearchable(http, file, marker + "warmup");
            Thread poller = Thread.ofPlatform().name("logs-bench-poller").start(() -> poll(http, marker, seenAt));
            long period = 1_000_000_000L / LINES_PER_SECOND;
            long start = System.nanoTime();
            for (int i = 0; i < LINES; i++) {
                long due = start + i * period;
                while (System.nanoTime() < due) {
                    Thread.sleep(Duration.ofNanos(Math.max(0, due - System.nanoTime())));
                }
                writtenAt[i] = System.nanoTime();
                append(file, marker, i);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seenAt.size() < LINES && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            poller.interrupt();
            poller.join();
        }
        if (seenAt.size() < LINES) {
            throw new IllegalStateException("Only " + seenAt.size() + " of " + LINES + " lines became searchable within 60 s");
        }
        Histogram millis = new Histogram(60_000, 3);
        seenAt.forEach((line, at) -> millis.recordValue(Math.max(0, (at - writtenAt[line]) / 1_000_000)));
        out.printf("%d lines written at %d/s, all searchable%n", LINES, LINES_PER_SECOND);
        return millis;
    }

    private static void poll(HttpClient http, String marker, Map<Integer, Long> seenAt) {
        URI uri = URI.create(SEARCH + "?size=200&q=" + marker);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                String body = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                long now = System.nanoTime();
                Matcher numbers = NUMBER.matcher(body);
                while (numbers.find()) {
                    seenAt.putIfAbsent(Integer.parseInt(numbers.group(1)), now);
                }
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the next poll tries again
            }
        }
    }

    private static void awaitSearchable(HttpClient http, Path file, String marker) throws Exception {
        append(file, marker, 0);
        Instant deadline = Instant.now().plusSeconds(120);
        URI uri = URI.create(SEARCH + "?size=1&q=" + marker);
        while (!http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body().contains(marker)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The warm-up line never became searchable");
            }
            Thread.sleep(200);
        }
    }

    private static void append(Path file, String marker, int number) throws IOException {
        Files.createDirectories(file.getParent());
        String line = "{\"@timestamp\":\"" + Instant.now() + "\",\"log\":{\"level\":\"INFO\",\"logger\":\"LogsBenchmark\"},"
                + "\"service\":{\"name\":\"logs-bench\"},\"message\":\"" + marker + " line " + number + "\"}\n";
        Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void report(PrintStream out, Histogram millis, RunningSystem system) {
        out.println("\n| log line → searchable | p50 | p99 | max |");
        out.println("|---|--:|--:|--:|");
        out.printf("| %d lines at %d/s, poll every %d ms | %d ms | %d ms | %d ms |%n", LINES, LINES_PER_SECOND, POLL_MS,
                millis.getValueAtPercentile(50), millis.getValueAtPercentile(99), millis.getMaxValue());
        out.println("\n| process | RSS MiB |");
        out.println("|---|--:|");
        system.processes().stream().filter(row -> row.name().equals("opensearch") || row.name().equals("logs"))
                .forEach(row -> out.printf("| %s | %d |%n", row.name(), row.rssMb()));
    }
}
