package dev.bookrental.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.bookrental.gateway.GatewayTestEnvironment;

/**
 * With the production settings: each request is timed once, in {@code http.server.requests}, tagged
 * with the route that served it; Spring Cloud Gateway's second timer of the same requests is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.config.location=file:../../config/application.yml,file:../../config/gateway.yml,classpath:gateway-test.yml")
class RouteMetricsTests {

    private static final GatewayTestEnvironment around = GatewayTestEnvironment.start();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        around.register(registry, "catalog", "Path=/api/books/**");
    }

    @AfterAll
    static void stop() {
        around.close();
    }

    @Test
    void aProxiedRequestIsTimedOnceTaggedWithItsRoute() throws Exception {
        assertThat(get("/api/books/1").statusCode()).isEqualTo(200);
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);

        // The observation stops after the response is written: the meter appears a moment later.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Timer routed = meters.find("http.server.requests").tag("route", "catalog").tag("status", "200").timer();
            assertThat(routed).isNotNull();
            assertThat(routed.count()).isEqualTo(1);
            assertThat(meters.find("http.server.requests").tag("route", RouteTaggedServerObservations.NO_ROUTE)
                    .tag("status", "404").timer()).isNotNull();
        });
        assertThat(meters.find("spring.cloud.gateway.requests").meters()).isEmpty();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
