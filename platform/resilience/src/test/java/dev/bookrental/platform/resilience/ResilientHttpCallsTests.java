package dev.bookrental.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * A client with {@link ResilientHttpCalls} against a real HTTP server (the JDK's) that answers, or
 * drops the connection without an answer: reads are retried and POSTs never; after failures the
 * breaker opens and calls are refused without reaching the service; it closes again when the
 * service answers.
 */
class ResilientHttpCallsTests {

    private final AtomicInteger received = new AtomicInteger();
    private final AtomicBoolean dropping = new AtomicBoolean();
    /** While set, the server holds each request until it is released. */
    private final AtomicReference<CountDownLatch> holding = new AtomicReference<>();
    private final HttpServer server = server();
    private final Resilience resilience = new Resilience(new MockEnvironment()
            .withProperty("bookrental.resilience.circuit-breaker.sliding-window-size", "4")
            .withProperty("bookrental.resilience.circuit-breaker.minimum-number-of-calls", "4")
            .withProperty("bookrental.resilience.circuit-breaker.wait-duration-in-open-state", "200ms")
            .withProperty("bookrental.resilience.circuit-breaker.permitted-number-of-calls-in-half-open-state", "1")
            .withProperty("bookrental.resilience.retry.initial-interval", "10ms")
            .withProperty("bookrental.resilience.bulkhead.max-concurrent-calls", "1")
            .withProperty("bookrental.resilience.bulkhead.max-wait-duration", "0ms"));
    private final RestClient client = RestClient.builder()
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .requestInterceptor(new ResilientHttpCalls(resilience, "book"))
            .build();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aReadThatDidNotReachTheServiceIsRetriedWithBackoff() {
        dropping.set(true);

        assertThatThrownBy(() -> client.get().uri("/api/books/1").retrieve().body(String.class)).isInstanceOf(ResourceAccessException.class);

        // Counted by the breaker, which sees each attempt (the JDK's client may itself repeat a GET
        // on a dropped connection, so the server's count says less).
        assertThat(resilience.circuitBreaker("book").getMetrics().getNumberOfFailedCalls()).as("three attempts").isEqualTo(3);
        assertThat(resilience.retry("book").getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
    }

    @Test
    void aPostIsNeverSentTwice() {
        dropping.set(true);

        assertThatThrownBy(() -> client.post().uri("/api/books").body("{}").retrieve().body(String.class))
                .isInstanceOf(ResourceAccessException.class);

        assertThat(received).hasValue(1);
        assertThat(resilience.circuitBreaker("book").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void afterFailuresTheBreakerOpensRefusesCallsWithoutReachingTheServiceAndClosesWhenItAnswers() {
        dropping.set(true);
        for (int i = 0; i < 4; i++) {
            try {
                client.post().uri("/api/books").body("{}").retrieve().body(String.class);
            } catch (ResourceAccessException expected) {
                // counted by the breaker
            }
        }
        assertThat(resilience.circuitBreaker("book").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int reachedBefore = received.get();

        assertThatThrownBy(() -> client.get().uri("/api/books/1").retrieve().body(String.class))
                .isInstanceOf(ResourceAccessException.class)
                .hasCauseInstanceOf(ResilientHttpCalls.DownstreamUnavailableException.class);
        assertThat(received).as("not called while open").hasValue(reachedBefore);

        dropping.set(false);
        await().atMost(Duration.ofSeconds(2)).until(() -> resilience.circuitBreaker("book").getState() == CircuitBreaker.State.HALF_OPEN);
        assertThat(client.get().uri("/api/books/1").retrieve().body(String.class)).isEqualTo("{\"id\":1}");
        assertThat(resilience.circuitBreaker("book").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aCallRefusedByTheFullBulkheadIsNotAFailureOfTheDownstream() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        holding.set(release);
        CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> client.get().uri("/api/books/1").retrieve().body(String.class));
        await().atMost(Duration.ofSeconds(2)).until(() -> received.get() == 1); // the one call the bulkhead lets in

        for (int i = 0; i < 4; i++) { // as many refusals as it takes the breaker to judge
            assertThatThrownBy(() -> client.get().uri("/api/books/2").retrieve().body(String.class))
                    .isInstanceOf(ResourceAccessException.class)
                    .hasCauseInstanceOf(ResilientHttpCalls.DownstreamUnavailableException.class);
        }
        release.countDown();

        assertThat(held.get(2, TimeUnit.SECONDS)).isEqualTo("{\"id\":1}");
        assertThat(received).as("the refused calls were not made").hasValue(1);
        assertThat(resilience.circuitBreaker("book").getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(resilience.circuitBreaker("book").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anAnswerPassesThroughUntouched() {
        assertThat(client.get().uri("/api/books/1").retrieve().body(String.class)).isEqualTo("{\"id\":1}");
        assertThat(resilience.circuitBreaker("book").getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    private HttpServer server() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", exchange -> {
                received.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                CountDownLatch hold = holding.get();
                if (hold != null) {
                    try {
                        hold.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (dropping.get()) {
                    exchange.close(); // no answer: the client sees the connection closed
                    return;
                }
                byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
