package dev.bookrental.rental.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * rental's HTTP interface clients as Spring Boot builds them from the {@code spring.http.serviceclient}
 * groups and the client registration of config/rental.yml, against a real HTTP server speaking
 * book's, member's and the auth service's token endpoint's contract: the JSON they read, the access
 * token each group sends (rental's own by client credentials to book, the member's relayed to
 * member), 404s, and the read timeout that cuts off a hanging service. (In the running system the
 * base URLs are {@code lb://book} and {@code lb://member}; the system test {@code SynchronousCallsTest}
 * goes through Eureka and the load balancer.)
 */
@SpringBootTest(classes = RemoteServices.class, properties = {
        "spring.config.location=classpath:/slice-test.yml,file:../../../config/rental.yml",
        "spring.http.serviceclient.book.read-timeout=500ms",
        "spring.http.serviceclient.member.read-timeout=500ms"})
@ImportAutoConfiguration({JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
        HttpServiceClientPropertiesAutoConfiguration.class, HttpServiceClientAutoConfiguration.class,
        OAuth2ClientAutoConfiguration.class})
class RemoteServicesTests {

    private static final String MEMBER_TOKEN = "member-7-access-token";

    /** Released when the tests end: until then book 99 hangs, as a service that never answers. */
    private static final CountDownLatch released = new CountDownLatch(1);
    /** The token requests the auth service got: the body of each, and its Authorization header. */
    private static final Queue<List<String>> tokenRequests = new ConcurrentLinkedQueue<>();
    private static final Queue<String> bookAuthorizations = new ConcurrentLinkedQueue<>();
    private static final Queue<String> memberAuthorizations = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger tokensIssued = new AtomicInteger();
    private static final HttpServer server = start();

    @Autowired BookCatalog catalog;
    @Autowired MemberAccounts members;
    @Value("${spring.security.oauth2.client.registration.rental-service.client-secret}") String clientSecret;

    @DynamicPropertySource
    static void baseUrls(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        registry.add("spring.http.serviceclient.book.base-url", () -> url);
        registry.add("spring.http.serviceclient.member.base-url", () -> url);
        registry.add("bookrental.security.issuer", () -> url); // the token endpoint is <issuer>/oauth2/token
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
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
    void callsBookWithRentalsOwnTokenFetchedOnceByClientCredentials() {
        signInAsMember(); // whoever the request is for, book gets rental's own token
        int tokenRequestsBefore = tokenRequests.size();

        catalog.book(1);
        catalog.copies(1);
        catalog.book(1);

        assertThat(bookAuthorizations).isNotEmpty().allSatisfy(header -> assertThat(header).startsWith("Bearer service-token-"));
        assertThat(tokenRequests.size() - tokenRequestsBefore).as("a token is fetched once, then cached").isLessThanOrEqualTo(1);
        List<String> tokenRequest = tokenRequests.peek();
        assertThat(tokenRequest.get(0)).contains("grant_type=client_credentials");
        assertThat(tokenRequest.get(1)).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString(("rental-service:" + clientSecret).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void dropsRentalsTokenWhenBookRefusesItSoTheNextCallGetsAFreshOne() {
        catalog.book(1);
        int issued = tokensIssued.get();

        assertThatThrownBy(() -> catalog.book(401)).isInstanceOf(HttpClientErrorException.Unauthorized.class);
        catalog.book(1);

        assertThat(tokensIssued.get()).isEqualTo(issued + 1);
    }

    @Test
    void anUnknownBookIsA404() {
        assertThatThrownBy(() -> catalog.book(404)).isInstanceOf(HttpClientErrorException.NotFound.class);
    }

    @Test
    void relaysTheMembersOwnTokenToMember() {
        signInAsMember();

        assertThat(members.me()).isEqualTo(new MemberAccounts.MemberSummary("member-7", 90));
        assertThat(memberAuthorizations).containsOnly("Bearer " + MEMBER_TOKEN);
    }

    @Test
    void neverCallsMemberWithoutAMembersToken() {
        assertThatThrownBy(() -> members.me()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aServiceThatHangsIsCutOffByTheReadTimeout() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> catalog.book(99)).isInstanceOf(ResourceAccessException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    private static void signInAsMember() {
        Jwt token = Jwt.withTokenValue(MEMBER_TOKEN).header("alg", "RS256").subject("member-7").claim("roles", List.of("MEMBER"))
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
    }

    /** book's, member's and the token endpoint's contract, as far as rental uses it; book 99 never answers in time. */
    private static HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.createContext("/oauth2/token", exchange -> {
                tokenRequests.add(List.of(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                respond(exchange, 200, "{\"access_token\":\"service-token-" + tokensIssued.incrementAndGet()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
            });
            http.createContext("/api/books/1", exchange -> {
                bookAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                respond(exchange, 200, exchange.getRequestURI().getPath().endsWith("/copies")
                        ? "[{\"id\":1,\"bookId\":1,\"status\":\"RENTED\"},{\"id\":2,\"bookId\":1,\"status\":\"AVAILABLE\"}]"
                        : "{\"id\":1,\"isbn\":\"9780441172719\",\"title\":\"Dune\",\"authors\":[\"Frank Herbert\"]}");
            });
            http.createContext("/api/books/401", exchange -> {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                respond(exchange, 401, "{\"status\":401}");
            });
            http.createContext("/api/books/404", exchange -> respond(exchange, 404, "{\"status\":404}"));
            http.createContext("/api/books/99", exchange -> {
                awaitRelease();
                respond(exchange, 200, "{\"id\":99,\"title\":\"Too Late\"}");
            });
            http.createContext("/api/members/me", exchange -> {
                memberAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                respond(exchange, 200, "{\"id\":\"member-7\",\"username\":\"u\",\"points\":90}");
            });
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
