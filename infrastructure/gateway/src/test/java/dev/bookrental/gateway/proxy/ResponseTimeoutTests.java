package dev.bookrental.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.bookrental.gateway.TestRedis;

/**
 * The gateway in front of a real HTTP server (the JDK's) that answers {@code /fast} at once and
 * never answers {@code /hang}: a hanging service becomes a 504 problem after the response timeout,
 * the client is never held, and a timely response is untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.location=file:../../config/application.yml,file:../../config/gateway.yml,classpath:gateway-test.yml",
        "bookrental.gateway.response-timeout=500ms"})
class ResponseTimeoutTests {

    private static final CountDownLatch END = new CountDownLatch(1);
    private static final HttpServer SERVICE = service();
    private static final TestRedis REDIS = TestRedis.start();

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String prefix = "spring.cloud.gateway.server.webflux.routes[0].";
        registry.add(prefix + "id", () -> "service");
        registry.add(prefix + "uri", () -> "http://127.0.0.1:" + SERVICE.getAddress().getPort());
        registry.add(prefix + "predicates[0]", () -> "Path=/fast,/hang");
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void stopService() {
        END.countDown();
        SERVICE.stop(0);
        REDIS.stop();
    }

    @Test
    void hangingServiceIsAnsweredWithGatewayTimeoutProblemAfterTheTimeout() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get("/hang");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":504").contains("\"instance\":\"/hang\"");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void timelyResponsePassesThrough() throws Exception {
        HttpResponse<String> response = get("/fast");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("fast");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)) // a hang fails the test instead of holding it
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer service() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/fast", exchange -> {
                byte[] body = "fast".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/hang", exchange -> {
                try {
                    END.await(); // answers only when the tests are over
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
