package dev.bookrental.logs.shipping;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real OpenSearch node for the shipper's tests: the infrastructure/opensearch module (built
 * before this one) run as its own JVM, as the launcher runs it, on a free port, with its data in a
 * folder of the test. Can be killed and started again on the same data.
 */
final class OpenSearchProcess implements AutoCloseable {

    private static final Path MODULE = Path.of("../opensearch").toAbsolutePath().normalize();

    private final Path data;
    private final int port;
    private Process process;

    private OpenSearchProcess(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    static OpenSearchProcess start(Path data) throws Exception {
        OpenSearchProcess node = new OpenSearchProcess(data, freePort());
        node.start();
        return node;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void start() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx384m", "--enable-native-access=ALL-UNNAMED",
                "-cp", classpath(), "dev.bookrental.opensearch.OpenSearchNode", data.toString(), Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling("opensearch-" + port + ".log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!healthy()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("OpenSearch did not start; see " + data.resolveSibling("opensearch-" + port + ".log"));
            }
            Thread.sleep(250);
        }
    }

    /** SIGKILL: OpenSearch gone mid-work. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Makes everything written so far searchable, and counts the documents. */
    long count() throws Exception {
        send(HttpRequest.newBuilder(uri().resolve("/" + LogIndex.NAME + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody()));
        String body = send(HttpRequest.newBuilder(uri().resolve("/" + LogIndex.NAME + "/_count")).GET());
        return Long.parseLong(body.replaceAll(".*\"count\":(\\d+).*", "$1"));
    }

    private String send(HttpRequest.Builder request) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private boolean healthy() {
        try {
            String body = send(HttpRequest.newBuilder(uri().resolve("/_cluster/health")).timeout(Duration.ofSeconds(2)).GET());
            return body.contains("\"status\":\"green\"") || body.contains("\"status\":\"yellow\"");
        } catch (Exception e) {
            return false;
        }
    }

    private static String classpath() throws IOException {
        Path target = MODULE.resolve("target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        return jar + java.io.File.pathSeparator + Files.readString(target.resolve("classpath.txt")).strip();
    }

    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            // the node also takes port + 100 for its transport
            try (ServerSocket transport = new ServerSocket(port + 100)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("No free pair of ports");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static List<String> lines(int count, String marker) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> "{\"@timestamp\":\"2026-11-26T10:00:%02d.%03dZ\",\"log\":{\"level\":\"INFO\"},\"service\":{\"name\":\"book\"},\"message\":\"%s %d\"}"
                        .formatted(i / 1000 % 60, i % 1000, marker, i))
                .toList();
    }
}
