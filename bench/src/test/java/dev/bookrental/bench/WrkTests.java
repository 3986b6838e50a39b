package dev.bookrental.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The real wrk (Debian's package; skipped where it is not installed) against the JDK's HTTP server, for one second. */
class WrkTests {

    private static final Load ONE_SECOND = new Load(1, 2, Duration.ofSeconds(1));
    private static final String BEARER = "Authorization: Bearer header.claims.signature";

    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    private HttpServer server;
    private Wrk wrk;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "wrk is not installed");
        wrk = Wrk.installed();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsTheHeadersWithEveryRequest() throws Exception {
        WrkResult result = wrk.run(url("/api/bench/delay?ms=20"), "", ONE_SECOND, List.of(BEARER));

        assertThat(result.requests()).isPositive();
        assertThat(result.errors()).isZero();
        assertThat(received).isNotEmpty().allMatch(request -> request.equals("/api/bench/delay Bearer header.claims.signature"));
    }

    @Test
    void sendsTheHeadersWithTheRequestsOfAHook() throws Exception {
        wrk.run(url("/api/books/1"), Backend.postgresRead().requestHook(), ONE_SECOND, List.of(BEARER));

        assertThat(received).isNotEmpty().allMatch(request -> request.matches("/api/books/\\d+ Bearer header\\.claims\\.signature"));
        assertThat(received).contains("/api/books/1 Bearer header.claims.signature", "/api/books/2 Bearer header.claims.signature");
    }

    @Test
    void sendsNoAuthorizationWithoutHeaders() throws Exception {
        wrk.run(url("/api/books/1"), "", ONE_SECOND, List.of());

        assertThat(received).isNotEmpty().allMatch(request -> request.equals("/api/books/1 null"));
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }
}
