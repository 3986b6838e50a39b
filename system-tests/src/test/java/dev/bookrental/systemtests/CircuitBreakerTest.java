package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;

/**
 * The gateway's circuit breaker on the book route, against the running system: every book instance
 * frozen (SIGSTOP: connections accepted, nothing answers) → calls cut off by the time limiter → the
 * breaker opens → while open the fallback answers at once (a 503 problem naming book; the catalog
 * list from its last good page, marked) → after the wait the breaker is half-open → book resumed
 * (SIGCONT), a trial call succeeds and the breaker closes. The thresholds are lowered for the test
 * through a bus refresh (which is itself checked), so it runs in seconds; every book instance is
 * resumed and registered again and the thresholds restored, whatever the outcome.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class CircuitBreakerTest {

    private static final String RESILIENCE = Http.GATEWAY + "/actuator/resilience";
    private static final String BOOK = Http.GATEWAY + "/api/books/1";
    private static final String CATALOG_PAGE = Http.GATEWAY + "/api/books?size=3";
    private static final int REQUESTS_WHILE_OPEN = 200;
    private static final int FIRST_ANSWERS_NOT_MEASURED = 20;
    private static final Duration P99_WHILE_OPEN = Duration.ofMillis(100);

    @Test
    void aBusRefreshChangesTheThresholdsInForce(RunningSystem system) throws IOException {
        assertThat(minimumNumberOfCalls()).isEqualTo(10);

        withLoweredThresholds(system, () -> {
            JsonNode lowered = thresholds();
            assertThat(lowered.get("circuitBreaker").get("minimumNumberOfCalls").asInt()).isEqualTo(4);
            assertThat(lowered.get("circuitBreaker").get("slidingWindowSize").asInt()).isEqualTo(4);
        });

        assertThat(minimumNumberOfCalls()).as("restored by the second refresh").isEqualTo(10);
    }

    @Test
    void aFrozenBookOpensTheBreakerTheFallbackAnswersFastAndTheBreakerClosesWhenBookIsBack(RunningSystem system) throws IOException {
        List<ServiceInstance> books = system.instances("book");
        await().atMost(Duration.ofSeconds(30)).until(() -> Eureka.upPorts("book").size() == books.size());
        Http.Response goodPage = Http.get(CATALOG_PAGE);
        assertThat(goodPage.status()).isEqualTo(200);

        withLoweredThresholds(system, () -> {
            assertThat(state()).isEqualTo("CLOSED");
            books.forEach(book -> Instances.signal(book, "STOP"));
            try {
                // Cut off by the time limiter (500 ms) until the window of 4 calls is full of failures.
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    Http.get(BOOK);
                    return state().equals("OPEN");
                });

                // The first answers of the fallback path load and compile its classes (on the C1-only first
                // boot after a build: up to 200 ms); the bound is for the open state, measured after them.
                long coldMaxMicros = 0;
                for (int i = 0; i < FIRST_ANSWERS_NOT_MEASURED; i++) {
                    long start = System.nanoTime();
                    assertThat(Http.get(BOOK).status()).isEqualTo(503);
                    coldMaxMicros = Math.max(coldMaxMicros, (System.nanoTime() - start) / 1_000);
                }
                List<Long> latenciesMicros = new ArrayList<>();
                for (int i = 0; i < REQUESTS_WHILE_OPEN; i++) {
                    long start = System.nanoTime();
                    Http.Response refused = Http.get(BOOK);
                    latenciesMicros.add((System.nanoTime() - start) / 1_000);
                    ApiErrorsTest.assertProblem(refused, 503, "urn:bookrental:problem:service-unavailable");
                    assertThat(refused.json().get("service").asString()).isEqualTo("book");
                    assertThat(refused.json().get("instance").asString()).isEqualTo("/api/books/1");
                    assertThat(refused.header("Retry-After")).isNotBlank();
                }
                Duration p99 = Duration.ofNanos(percentile(latenciesMicros, 99) * 1_000);
                System.out.printf("Breaker open: %d requests after %d not measured (max %d µs), p50 %d µs, p99 %d µs, max %d µs%n",
                        latenciesMicros.size(), FIRST_ANSWERS_NOT_MEASURED, coldMaxMicros, percentile(latenciesMicros, 50),
                        percentile(latenciesMicros, 99), Collections.max(latenciesMicros));
                assertThat(p99).isLessThanOrEqualTo(P99_WHILE_OPEN);

                Http.Response degraded = Http.get(CATALOG_PAGE);
                assertThat(degraded.status()).isEqualTo(200);
                assertThat(degraded.header("Bookrental-Degraded")).isEqualTo("cached");
                assertThat(degraded.raw().body()).isEqualTo(goodPage.raw().body());
                assertThat(state()).as("still open after the measurement").isEqualTo("OPEN");
            } finally {
                books.forEach(book -> Instances.signal(book, "CONT"));
            }

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> state().equals("HALF_OPEN"));
            await().atMost(Duration.ofSeconds(40)).until(() -> Eureka.upPorts("book").size() == books.size());
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() ->
                    Http.get(BOOK).status() == 200 && state().equals("CLOSED"));
            assertThat(metricState("closed")).isEqualTo(1.0);
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> Eureka.upPorts("book").size() == books.size());
        assertThat(Http.get(BOOK).status()).isEqualTo(200);
    }

    /**
     * Runs {@code check} while the thresholds of gateway-systemtest.yml are lowered (a window of 4
     * calls, half-open after one good trial call, calls cut off after 500 ms) and applied by a bus
     * refresh; puts the file back and refreshes again afterwards.
     */
    private static void withLoweredThresholds(RunningSystem system, Runnable check) throws IOException {
        Path gatewayConfig = system.context().configDir().resolve("gateway-systemtest.yml");
        String original = Files.readString(gatewayConfig);
        int section = original.indexOf("  resilience:");
        String lowered = original.substring(0, section) + original.substring(section)
                .replaceFirst("sliding-window-size: 20", "sliding-window-size: 4")
                .replaceFirst("minimum-number-of-calls: 10", "minimum-number-of-calls: 4")
                .replaceFirst("permitted-number-of-calls-in-half-open-state: 3", "permitted-number-of-calls-in-half-open-state: 1")
                .replaceFirst("timeout: 5s", "timeout: 500ms");
        try {
            Files.writeString(gatewayConfig, lowered);
            assertThat(Http.post(Http.CONFIG_SERVER + "/actuator/busrefresh").status()).isBetween(200, 204);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> minimumNumberOfCalls() == 4);
            check.run();
        } finally {
            Files.writeString(gatewayConfig, original);
            Http.post(Http.CONFIG_SERVER + "/actuator/busrefresh");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> minimumNumberOfCalls() == 10);
        }
    }

    private static int minimumNumberOfCalls() {
        return thresholds().get("circuitBreaker").get("minimumNumberOfCalls").asInt();
    }

    private static JsonNode thresholds() {
        return Http.get(RESILIENCE).json().get("thresholds");
    }

    /** The book route's breaker as the gateway's actuator shows it: CLOSED, OPEN, HALF_OPEN. */
    private static String state() {
        return Http.get(RESILIENCE).json().get("circuitBreakers").get("book").asString();
    }

    /** The value of {@code resilience4j_circuitbreaker_state{name="book",state=...}} on /actuator/prometheus. */
    private static double metricState(String state) {
        String metrics = Prometheus.scrape(Http.GATEWAY).text();
        return metrics.lines()
                .filter(line -> line.startsWith("resilience4j_circuitbreaker_state{") && line.contains("name=\"book\"")
                        && line.contains("state=\"" + state + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no breaker state metric for book in: "
                        + metrics.lines().filter(line -> line.startsWith("resilience4j_circuitbreaker")).toList()));
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
    }
}
