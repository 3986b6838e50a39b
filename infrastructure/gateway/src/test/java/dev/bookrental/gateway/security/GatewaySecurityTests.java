package dev.bookrental.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.bookrental.gateway.GatewayTestEnvironment;
import dev.bookrental.gateway.TestBackend;
import dev.bookrental.platform.testsupport.TestTokenIssuer;

/**
 * The JWT check at the edge, with the production settings (config/application.yml and gateway.yml)
 * and real signed tokens of a stand-in auth service that serves its JWK set: which paths need a
 * token, that every kind of forged or stale token is a 401 problem with the bearer challenge and
 * never reaches the service, and that a valid token reaches it unchanged (token relay).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.config.location=file:../../config/application.yml,file:../../config/gateway.yml,classpath:gateway-test.yml")
class GatewaySecurityTests {

    private static final GatewayTestEnvironment around = GatewayTestEnvironment.start();
    private static final TestTokenIssuer issuer = around.issuer();
    private static final TestBackend service = around.service();

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        around.register(registry, "service", "Path=/api/**,/bff/**");
    }

    @AfterAll
    static void stop() {
        around.close();
    }

    @BeforeEach
    void forget() {
        service.received().clear();
    }

    @Test
    void readsThePublicCatalogWithoutToken() throws Exception {
        assertThat(send("GET", "/api/books?q=dune", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/books/1/copies", null).statusCode()).isEqualTo(200);
        assertThat(service.received()).extracting(TestBackend.Received::path).containsExactly("/api/books", "/api/books/1/copies");
    }

    @Test
    void refusesEverythingElseOfTheApiWithoutToken() throws Exception {
        for (String[] request : new String[][] {{"POST", "/api/books"}, {"GET", "/api/members/me"}, {"GET", "/api/rental-card"},
                {"POST", "/api/rentals"}, {"GET", "/bff/mobile/home"}}) {
            HttpResponse<String> response = send(request[0], request[1], null);

            assertUnauthenticated(response, request[0] + " " + request[1]);
            assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer").doesNotContain("error=");
        }
        assertThat(service.received()).isEmpty();
    }

    @Test
    void relaysAValidTokenToTheServiceUnchanged() throws Exception {
        String token = issuer.token("member-1", "MEMBER");

        assertThat(send("GET", "/api/members/me", token).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/bff/mobile/home", token).statusCode()).isEqualTo(200);
        assertThat(service.received()).extracting(TestBackend.Received::authorization).containsExactly("Bearer " + token, "Bearer " + token);
    }

    @Test
    void leavesRolesToTheServices() throws Exception {
        // A librarian's token is valid: whether a librarian may read a member's profile is member's decision.
        assertThat(send("GET", "/api/members/me", issuer.token("librarian", "LIBRARIAN")).statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> forgeries() {
        return issuer.forgeries("member-1", "MEMBER").entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void refusesATokenThatIsNotAValidOneOfTheAuthService(String what, String token) throws Exception {
        HttpResponse<String> response = send("GET", "/api/members/me", token);

        assertUnauthenticated(response, what);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
        assertThat(service.received()).isEmpty();
    }

    @Test
    void letsTheBrowsersBffAndActuatorPassWithoutToken() throws Exception {
        assertThat(send("GET", "/bff/web/", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/bff/web/logout", null).statusCode()).as("CSRF is bff-web's own").isEqualTo(200);
        assertThat(send("GET", "/actuator/health", null).statusCode()).as("not turned away").isNotIn(401, 403);
    }

    private static void assertUnauthenticated(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
        assertThat(response.body()).as(what).contains("\"type\":\"urn:bookrental:problem:unauthenticated\"", "\"status\":401");
    }

    /** @param token the bearer token, null for none */
    private HttpResponse<String> send(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
