package dev.bookrental.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.bookrental.gateway.GatewayTestEnvironment;
import dev.bookrental.gateway.TestBackend;
import dev.bookrental.gateway.TestRedis;
import dev.bookrental.platform.testsupport.TestTokenIssuer;

/**
 * The gateway's rate limits against a real Redis, with limits lowered for the test: per client
 * address (every request) and per signed-in user (the token's subject). A used-up limit is a 429
 * problem with {@code Retry-After}; each user has a bucket of their own; and with Redis down the
 * gateway lets requests pass (fail open) until Redis is back. A limit changed in the configuration
 * applies after a refresh, with no restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.location=file:../../config/application.yml,file:../../config/gateway.yml,classpath:gateway-test.yml",
        "bookrental.gateway.rate-limit.per-user.replenish-rate=1",
        "bookrental.gateway.rate-limit.per-user.burst-capacity=3",
        "bookrental.gateway.rate-limit.per-client-ip.replenish-rate=1",
        "bookrental.gateway.rate-limit.per-client-ip.burst-capacity=10"})
class RateLimitTests {

    private static final GatewayTestEnvironment around = GatewayTestEnvironment.start();
    private static final TestTokenIssuer issuer = around.issuer();
    private static final TestBackend service = around.service();
    private static final TestRedis redis = around.redis();

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redisTemplate;

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    ApplicationContext context;

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        around.register(registry, "service", "Path=/api/**");
    }

    @AfterAll
    static void stop() {
        around.close();
    }

    /** Full buckets for every test. */
    @BeforeEach
    void emptyTheCounters() {
        // The first connection of a cold JVM may miss the gateway's 200 ms connect timeout: try again.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                redisTemplate.execute(connection -> connection.serverCommands().flushAll()).blockLast(Duration.ofSeconds(5)));
        service.received().clear();
    }

    @Test
    void aClientAddressOverItsLimitGets429WithRetryAfterAndTheServiceNeverSeesIt() throws Exception {
        List<HttpResponse<String>> responses = burst(14, null);

        assertThat(responses.subList(0, 10)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        HttpResponse<String> refused = firstRefused(responses);
        assertTooManyRequests(refused);
        assertThat(refused.body()).contains("per client-ip");
        assertThat(service.received()).hasSize((int) responses.stream().filter(response -> response.statusCode() == 200).count());
    }

    @Test
    void aUserOverTheirLimitGets429WhileAnotherUserGoesOn() throws Exception {
        String ada = issuer.token("ada", "MEMBER");
        String alan = issuer.token("alan", "MEMBER");

        List<HttpResponse<String>> adas = burst(6, ada);

        assertThat(adas.subList(0, 3)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        HttpResponse<String> refused = firstRefused(adas);
        assertTooManyRequests(refused);
        assertThat(refused.body()).contains("per user");
        assertThat(get("/api/members/me", alan).statusCode()).isEqualTo(200);
    }

    @Test
    void aUsedUpLimitRefillsAfterRetryAfter() throws Exception {
        assertTooManyRequests(firstRefused(burst(14, null)));

        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(get("/api/books", null).statusCode()).isEqualTo(200));
    }

    @Test
    void withRedisDownRequestsPassUntilItIsBack() throws Exception {
        redis.stop();
        try {
            long start = System.nanoTime();
            List<HttpResponse<String>> responses = burst(14, null);

            assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
            // Each check waits at most spring.data.redis.timeout (200 ms) for Redis.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            redis.restart();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(burst(14, null)).anySatisfy(response -> assertThat(response.statusCode()).isEqualTo(429)));
    }

    @Test
    void aChangedLimitAppliesAfterARefreshWithoutARestart() throws Exception {
        String grace = issuer.token("grace", "MEMBER");
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new MapPropertySource("refreshed", Map.of(CurrentLimits.PREFIX + ".per-user.burst-capacity", "8")));
        try {
            // What Spring Cloud's ContextRefresher publishes after a busrefresh changed these keys.
            context.publishEvent(new EnvironmentChangeEvent(context, Set.of(CurrentLimits.PREFIX + ".per-user.burst-capacity")));

            List<HttpResponse<String>> graces = burst(10, grace);
            assertThat(graces.subList(0, 8)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
            assertTooManyRequests(firstRefused(graces));
        } finally {
            sources.remove("refreshed");
            context.publishEvent(new EnvironmentChangeEvent(context, Set.of(CurrentLimits.PREFIX + ".per-user.burst-capacity")));
        }
    }

    @Test
    void anInvalidChangedLimitIsRefusedAndTheLimitInForceStays() throws Exception {
        String hedy = issuer.token("hedy", "MEMBER");
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new MapPropertySource("invalid", Map.of(CurrentLimits.PREFIX + ".per-user.replenish-rate", "0")));
        try {
            context.publishEvent(new EnvironmentChangeEvent(context, Set.of(CurrentLimits.PREFIX + ".per-user.replenish-rate")));

            List<HttpResponse<String>> hedys = burst(6, hedy);
            assertThat(hedys.subList(0, 3)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
            assertTooManyRequests(firstRefused(hedys));
        } finally {
            sources.remove("invalid");
        }
    }

    /**
     * The first 429 of a burst. The buckets refill once a second, so a burst across a second's
     * boundary gets a token more: a burst a few requests longer than the bucket always meets a 429.
     */
    private static HttpResponse<String> firstRefused(List<HttpResponse<String>> responses) {
        return responses.stream().filter(response -> response.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 in " + responses.stream().map(HttpResponse::statusCode).toList()));
    }

    private static void assertTooManyRequests(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:bookrental:problem:too-many-requests\"", "\"status\":429");
    }

    /** {@code count} requests one after the other, as fast as the gateway answers. */
    private List<HttpResponse<String>> burst(int count, String token) throws IOException, InterruptedException {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(get(token == null ? "/api/books" : "/api/members/me", token));
        }
        return responses;
    }

    /** @param token the bearer token, null for none */
    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
