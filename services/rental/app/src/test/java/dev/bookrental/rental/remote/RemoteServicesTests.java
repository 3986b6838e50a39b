package dev.bookrental.rental.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * rental's HTTP interface clients as Spring Boot builds them from the {@code spring.http.serviceclient}
 * groups, against a real HTTP server speaking book's and member's contract: the JSON they read,
 * the identity header they pass on, 404s, and the read timeout that cuts off a hanging service.
 * (In the running system the base URLs are {@code lb://book} and {@code lb://member}; the system
 * test {@code SynchronousCallsTest} goes through Eureka and the load balancer.)
 */
@SpringBootTest(classes = RemoteServices.class, properties = {
        "spring.config.location=classpath:/slice-test.yml",
        "spring.http.serviceclient.book.read-timeout=500ms",
        "spring.http.serviceclient.member.read-timeout=500ms"})
@ImportAutoConfiguration({JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
        HttpServiceClientPropertiesAutoConfiguration.class, HttpServiceClientAutoConfiguration.class})
class RemoteServicesTests {

    /** Released when the tests end: until then book 99 hangs, as a service that never answers. */
    private static final CountDownLatch released = new CountDownLatch(1);
    private static final HttpServer server = start();

    @Autowired BookCatalog catalog;
    @Autowired MemberAccounts members;

    @DynamicPropertySource
    static void baseUrls(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        registry.add("spring.http.serviceclient.book.base-url", () -> url);
        registry.add("spring.http.serviceclient.member.base-url", () -> url);
    }

    @AfterAll
    static void stop() {
        released.countDown();
        server.stop(0);
    }

    @Test
    void readsTheBookAndItsCopiesIgnoringFieldsItDoesNotNeed() {
        assertThat(catalog.book(1)).isEqualTo(new BookCatalog.BookSummary(1, "Dune"));
        assertThat(catalog.copies(1)).extracting(BookCatalog.CopySummary::available).containsExactly(false, true);
    }

    @Test
    void anUnknownBookIsA404() {
        assertThatThrownBy(() -> catalog.book(404)).isInstanceOf(HttpClientErrorException.NotFound.class);
    }

    @Test
    void passesTheCallersIdentityOn() {
        assertThat(members.member("member-7")).isEqualTo(new MemberAccounts.MemberSummary("member-7", 90));
    }

    @Test
    void aServiceThatHangsIsCutOffByTheReadTimeout() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> catalog.book(99)).isInstanceOf(ResourceAccessException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    /** book's and member's contract, as far as rental uses it; book 99 never answers in time. */
    private static HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.createContext("/api/books/1", exchange -> respond(exchange, 200, exchange.getRequestURI().getPath().endsWith("/copies")
                    ? "[{\"id\":1,\"bookId\":1,\"status\":\"RENTED\"},{\"id\":2,\"bookId\":1,\"status\":\"AVAILABLE\"}]"
                    : "{\"id\":1,\"isbn\":\"9780441172719\",\"title\":\"Dune\",\"authors\":[\"Frank Herbert\"]}"));
            http.createContext("/api/books/404", exchange -> respond(exchange, 404, "{\"status\":404}"));
            http.createContext("/api/books/99", exchange -> {
                awaitRelease();
                respond(exchange, 200, "{\"id\":99,\"title\":\"Too Late\"}");
            });
            http.createContext("/api/members/me", exchange -> respond(exchange, 200,
                    "{\"id\":\"" + exchange.getRequestHeaders().getFirst("X-User-Id") + "\",\"username\":\"u\",\"points\":90}"));
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException ignored) {
            // the client gave up (read timeout)
        }
    }

    private static void awaitRelease() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
