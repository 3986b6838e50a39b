package dev.bookrental.gateway.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.bookrental.gateway.TestBackend;
import dev.bookrental.gateway.TestRedis;
import dev.bookrental.platform.resilience.Resilience;

/**
 * The circuit breaker of a route, in front of a real HTTP server (the JDK's) standing for book that
 * a test makes hang: after enough calls cut off by the time limiter the breaker opens and the
 * fallback answers at once, a 503 problem naming the service, or the last good catalog page
 * marked as cached; after the wait it lets a trial call through and closes when the service
 * answers. Thresholds are lowered for the test (two calls decide, 300 ms time limit).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.location=file:../../config/application.yml,file:../../config/gateway.yml,classpath:gateway-test.yml",
        "bookrental.resilience.circuit-breaker.sliding-window-size=2",
        "bookrental.resilience.circuit-breaker.minimum-number-of-calls=2",
        "bookrental.resilience.circuit-breaker.wait-duration-in-open-state=2s",
        "bookrental.resilience.circuit-breaker.permitted-number-of-calls-in-half-open-state=1",
        "bookrental.resilience.time-limiter.timeout=300ms"})
class CircuitBreakerTests {

    private static final TestBackend BOOK = TestBackend.start();
    private static final TestRedis REDIS = TestRedis.start();

    @LocalServerPort
    int port;

    @Autowired
    Resilience resilience;

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    ApplicationEventPublisher events;

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String prefix = "spring.cloud.gateway.server.webflux.routes[0].";
        registry.add(prefix + "id", () -> "book");
        registry.add(prefix + "uri", BOOK::url);
        registry.add(prefix + "predicates[0]", () -> "Path=/api/books,/api/books/**");
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void stopServers() {
        BOOK.hang(false);
        BOOK.close();
        REDIS.stop();
    }

    @BeforeEach
    void bookAnswersAndItsBreakerIsClosed() {
        BOOK.hang(false);
        resilience.circuitBreaker("book").reset();
    }

    @Test
    void theBreakerOfEveryRouteExistsFromTheStartAndItsStateIsAMetric() throws Exception {
        assertThat(resilience.circuitBreakers().find("book")).isPresent();

        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.body()).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"book\"[^}]*state=\"closed\"[^}]*} 1.0");
    }

    @Test
    void afterFailuresTheBreakerOpensAndTheFallbackAnswersAtOnceNamingTheService() throws Exception {
        BOOK.hang(true);
        long timeoutsBefore = timeouts();
        long cutOffStart = System.nanoTime();
        HttpResponse<String> cutOff = get("/api/books/1");
        Duration cutOffAfter = Duration.ofNanos(System.nanoTime() - cutOffStart);
        get("/api/books/2");

        assertThat(cutOff.statusCode()).as("cut off by the time limiter").isEqualTo(504);
        assertThat(cutOffAfter).as("at the route's limit of 300 ms").isBetween(Duration.ofMillis(300), Duration.ofMillis(2000));
        assertThat(timeouts() - timeoutsBefore).as("counted by the route's time limiter").isEqualTo(2);
        assertThat(cutOff.body()).contains("\"type\":\"urn:bookrental:problem:gateway-timeout\"", "\"service\":\"book\"");
        assertThat(resilience.circuitBreaker("book").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        long start = System.nanoTime();
        HttpResponse<String> refused = get("/api/books/1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(refused.body()).contains("\"type\":\"urn:bookrental:problem:service-unavailable\"", "\"service\":\"book\"",
                "circuit open", "\"instance\":\"/api/books/1\"");
        assertThat(took).as("no call to the service while open").isLessThan(Duration.ofMillis(250));
    }

    @Test
    void afterTheWaitTheBreakerGoesHalfOpenAndClosesWhenTheServiceAnswersAgain() throws Exception {
        BOOK.hang(true);
        get("/api/books/1");
        get("/api/books/1");
        assertThat(resilience.circuitBreaker("book").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        BOOK.hang(false);

        await().atMost(Duration.ofSeconds(5)).until(() -> resilience.circuitBreaker("book").getState() == CircuitBreaker.State.HALF_OPEN);
        assertThat(get("/api/books/1").statusCode()).isEqualTo(200);

        assertThat(resilience.circuitBreaker("book").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theCatalogListIsAnsweredFromTheLastGoodPageMarkedAsCachedWhileBookIsUnavailable() throws Exception {
        HttpResponse<String> good = get("/api/books?q=dune&page=0");
        assertThat(good.statusCode()).isEqualTo(200);
        BOOK.hang(true);

        HttpResponse<String> cutOff = get("/api/books?q=dune&page=0");
        get("/api/books?q=dune&page=0");
        assertThat(resilience.circuitBreaker("book").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        HttpResponse<String> whileOpen = get("/api/books?q=dune&page=0");
        HttpResponse<String> neverSeen = get("/api/books?q=emma");

        for (HttpResponse<String> degraded : List.of(cutOff, whileOpen)) {
            assertThat(degraded.statusCode()).isEqualTo(200);
            assertThat(degraded.body()).isEqualTo(good.body());
            assertThat(degraded.headers().firstValue("Bookrental-Degraded")).hasValue("cached");
            assertThat(degraded.headers().firstValue("Age")).isPresent();
        }
        assertThat(good.headers().firstValue("Bookrental-Degraded")).isEmpty();
        assertThat(neverSeen.statusCode()).as("no page for that query: the problem").isEqualTo(503);
    }

    @Test
    void aConfigurationChangeReplacesTheBreakerWithTheNewThresholds() throws Exception {
        assertThat(resilience.circuitBreaker("book").getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(50f);

        String key = "bookrental.resilience.circuit-breaker.failure-rate-threshold";
        environment.getPropertySources().addFirst(new MapPropertySource("refreshed", Map.of(key, "30")));
        try {
            events.publishEvent(new EnvironmentChangeEvent(Set.of(key)));

            assertThat(resilience.circuitBreaker("book").getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(30f);
            assertThat(get("/actuator/prometheus").body()).as("the replaced breaker's state is a metric too")
                    .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"book\"[^}]*state=\"closed\"[^}]*} 1.0");
        } finally {
            environment.getPropertySources().remove("refreshed");
            events.publishEvent(new EnvironmentChangeEvent(Set.of(key)));
        }
    }

    /** The route's time-limiter timeouts, as its metric says. */
    private long timeouts() throws IOException, InterruptedException {
        Matcher count = Pattern.compile("resilience4j_timelimiter_calls_total\\{[^}]*kind=\"timeout\"[^}]*name=\"book\"[^}]*} ([0-9.]+)")
                .matcher(get("/actuator/prometheus").body());
        return count.find() ? (long) Double.parseDouble(count.group(1)) : 0;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)) // a hang fails the test instead of holding it
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
